/** Pod validation on create and update (ValidatePodCreate, ValidatePodUpdate), metadata excepted. */
import type { FieldError, KObject } from '../../registry/types';
import { child, forbidden, index, invalid, required } from '../field-errors';
import { arr, isSet, num, obj, str } from '../json-access';
import { deepEqual } from '../deep-equal';
import { inclusiveRangeError } from '../names';
import { validatePodAnnotations, validatePodSpec } from '../pod-spec';
import { validateOnlyAddedTolerations } from '../pod-spec/tolerations';
import { specDiff } from '../spec-diff';

const MAX_INT32 = 2147483647;

/** The fields a pod update may change, as 1.32's message lists them. */
export const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

function validatePodMetadataAndSpec(pod: KObject): FieldError[] {
  return [...validatePodAnnotations(pod.metadata?.annotations, pod.spec, 'metadata.annotations'), ...validatePodSpec(pod.spec, 'spec')];
}

/** ValidatePodCreate. */
export function validatePodCreate(pod: KObject): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  const spec = obj(pod.spec);
  if (arr(spec.ephemeralContainers).length > 0) errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  if (str(spec.nodeName) && arr(spec.schedulingGates).length > 0) {
    errs.push(forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

function validateContainerUpdates(next: unknown, old: unknown, field: string): { errs: FieldError[]; stop: boolean } {
  const n = arr(next);
  if (n.length !== arr(old).length) return { errs: [forbidden(field, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  n.forEach((c, i) => {
    const image = str(obj(c).image);
    if (!image) errs.push(required(child(index(field, i), 'image')));
    if (image.trim().length !== image.length) errs.push(invalid(child(index(field, i), 'image'), image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

function mungedSpec(spec: Record<string, unknown>, oldSpec: Record<string, unknown>): Record<string, unknown> {
  const m: Record<string, unknown> = structuredClone(spec);
  for (const list of ['containers', 'initContainers'] as const) {
    if (Array.isArray(m[list])) {
      m[list] = (m[list] as unknown[]).map((c, i) => ({ ...obj(c), image: obj(arr(oldSpec[list])[i]).image }));
    }
  }
  m.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  m.schedulingGates = oldSpec.schedulingGates;
  m.tolerations = oldSpec.tolerations;
  if (num(oldSpec.terminationGracePeriodSeconds) < 0 && m.terminationGracePeriodSeconds === 1) {
    m.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  }
  // A scheduling-gated pod may still get node selectors and node affinity.
  if (arr(oldSpec.schedulingGates).length > 0) {
    m.nodeSelector = oldSpec.nodeSelector;
    if (m.affinity !== undefined || oldSpec.affinity !== undefined) {
      m.affinity = { ...obj(m.affinity), nodeAffinity: obj(oldSpec.affinity).nodeAffinity };
      if (deepEqual(m.affinity, { nodeAffinity: undefined }) && oldSpec.affinity === undefined) m.affinity = undefined;
    }
  }
  return m;
}

/** ValidatePodUpdate: only images, activeDeadlineSeconds, added tolerations (and a few gated-pod fields) may change. */
export function validatePodUpdate(pod: KObject, old: KObject): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  const spec = obj(pod.spec);
  const oldSpec = obj(old.spec);
  for (const list of ['containers', 'initContainers'] as const) {
    const r = validateContainerUpdates(spec[list], oldSpec[list], `spec.${list}`);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  if (isSet(spec.activeDeadlineSeconds)) {
    const v = num(spec.activeDeadlineSeconds);
    if (v < 0 || v > MAX_INT32) return [...errs, invalid('spec.activeDeadlineSeconds', v, inclusiveRangeError(0, MAX_INT32))];
    if (isSet(oldSpec.activeDeadlineSeconds) && num(oldSpec.activeDeadlineSeconds) < v) {
      return [...errs, invalid('spec.activeDeadlineSeconds', v, 'must be less than or equal to previous value')];
    }
  } else if (isSet(oldSpec.activeDeadlineSeconds)) {
    errs.push(invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...validateOnlyAddedTolerations(spec.tolerations, oldSpec.tolerations, 'spec.tolerations'));
  const oldGates = arr(oldSpec.schedulingGates).map((g) => str(obj(g).name));
  arr(spec.schedulingGates).forEach((x, i) => {
    const g = str(obj(x).name);
    if (!oldGates.includes(g)) {
      errs.push(forbidden(`spec.schedulingGates[${i}].name`, `only deletion is allowed, but found new scheduling gate '${g}'`));
    }
  });
  if (deepEqual(spec, oldSpec)) return errs;
  const munged = mungedSpec(spec, oldSpec);
  if (!deepEqual(munged, oldSpec)) {
    errs.push(
      forbidden('spec', `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${specDiff('core.PodSpec', oldSpec, munged)}`),
    );
  }
  return errs;
}

/** Pod validation: create when old is absent, update otherwise. */
export function validatePod(pod: KObject, old?: KObject): FieldError[] {
  return old ? validatePodUpdate(pod, old) : validatePodCreate(pod);
}
