/**
 * Generic ObjectMeta validation (apimachinery api/validation/objectmeta.go and
 * the core additions for finalizer names), with upstream's paths and messages.
 */
import type { FieldError, NameFormat, ObjectMeta, OwnerReference } from '../registry/types';
import { byteLength } from '../selectors/goFormat';
import { child, forbidden, index, invalid, required, tooLong, validateNonnegative, FIELD_IMMUTABLE_MSG } from './field-errors';
import { goLiteral, goPointer, goQuote, goStringSlice } from './go-value';
import { deepEqual } from './deep-equal';
import {
  isDNS1123Label,
  isQualifiedName,
  isValidLabelValue,
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  nameIsPathSegment,
  type NameValidator,
} from './names';

/** 256 KiB: the total size of all annotation keys and values. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

const NAME_VALIDATORS: Record<NameFormat, NameValidator> = {
  'dns1123-subdomain': nameIsDNSSubdomain,
  'dns1123-label': nameIsDNSLabel,
  'dns1035-label': nameIsDNS1035Label,
  'path-segment': nameIsPathSegment,
};

/** The name validator for a kind's name format. */
export function nameValidator(format: NameFormat | undefined): NameValidator {
  return NAME_VALIDATORS[format ?? 'dns1123-subdomain'];
}

/** Options for validateObjectMeta. */
export interface ObjectMetaOptions {
  namespaced: boolean;
  /** dns1123-subdomain when absent. */
  nameFormat?: NameFormat;
  /** Create checks the name and namespace; an update only re-checks labels, annotations, owners and finalizers. */
  isCreate: boolean;
}

/** ValidateLabels: keys are qualified names, values label values; errors point at the map. */
export function validateLabels(labels: Record<string, string> | null | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const m of isQualifiedName(k)) errs.push(invalid(field, k, m));
    for (const m of isValidLabelValue(String(v))) errs.push(invalid(field, v, m));
  }
  return errs;
}

/** ValidateAnnotations: keys (lower-cased) are qualified names; 256 KiB in total. */
export function validateAnnotations(annotations: Record<string, string> | null | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(field, k, m));
    total += byteLength(k) + byteLength(String(v ?? ''));
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(field, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

function goOwnerReference(r: OwnerReference): string {
  return `v1.OwnerReference{APIVersion:${goQuote(r.apiVersion ?? '')}, Kind:${goQuote(r.kind ?? '')}, Name:${goQuote(r.name ?? '')}, UID:${goQuote(r.uid ?? '')}, Controller:${goPointer('bool', r.controller !== undefined)}, BlockOwnerDeletion:${goPointer('bool', r.blockOwnerDeletion !== undefined)}}`;
}

// schema.ParseGroupVersion: "" is empty, "v1" is core, "g/v" a group; more slashes fail (version "").
function versionOf(apiVersion: string): { group: string; version: string } {
  if (!apiVersion) return { group: '', version: '' };
  const parts = apiVersion.split('/');
  if (parts.length === 1) return { group: '', version: parts[0] };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  return { group: '', version: '' };
}

/** ValidateOwnerReferences (paths without index, as upstream). */
export function validateOwnerReferences(refs: OwnerReference[] | null | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    const gv = versionOf(ref.apiVersion ?? '');
    if (!gv.version) errs.push(invalid(child(field, 'apiVersion'), ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errs.push(invalid(child(field, 'kind'), ref.kind ?? '', 'kind must not be empty'));
    if (!ref.name) errs.push(invalid(child(field, 'name'), ref.name ?? '', 'name must not be empty'));
    if (!ref.uid) errs.push(invalid(child(field, 'uid'), ref.uid ?? '', 'uid must not be empty'));
    if (gv.group === '' && gv.version === 'v1' && ref.kind === 'Event') {
      errs.push(invalid(field, goLiteral(goOwnerReference(ref)), '/v1, Kind=Event is disallowed from being an owner'));
    }
    if (ref.controller === true) {
      const current = `${ref.kind}/${ref.name}`;
      if (firstController) {
        const all = goLiteral(`[]v1.OwnerReference{${(refs ?? []).map(goOwnerReference).join(', ')}}`);
        errs.push(
          invalid(field, all, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`),
        );
      } else {
        firstController = current;
      }
    }
  }
  return errs;
}

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** ValidateFinalizers plus core's rule that a finalizer without '/' must be a standard one. */
export function validateFinalizers(finalizers: string[] | null | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const list = finalizers ?? [];
  for (const f of list) for (const m of isQualifiedName(f)) errs.push(invalid(field, f, m));
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(invalid(field, list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  list.forEach((f, i) => {
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(invalid(index(field, i), f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return errs;
}

/**
 * ValidateObjectMeta. On create: generateName and name in the kind's format,
 * namespace required (and a DNS label) for namespaced kinds and forbidden for
 * cluster-scoped ones, then labels, annotations, owner references, finalizers.
 */
export function validateObjectMeta(meta: ObjectMeta, opts: ObjectMetaOptions): FieldError[] {
  const errs: FieldError[] = [];
  const nameFn = nameValidator(opts.nameFormat);
  if (opts.isCreate) {
    if (meta.generateName) for (const m of nameFn(meta.generateName, true)) errs.push(invalid('metadata.generateName', meta.generateName, m));
    if (!meta.name) errs.push(required('metadata.name', 'name or generateName is required'));
    else for (const m of nameFn(meta.name, false)) errs.push(invalid('metadata.name', meta.name, m));
  }
  if (opts.namespaced) {
    if (opts.isCreate) {
      if (!meta.namespace) errs.push(required('metadata.namespace'));
      else for (const m of isDNS1123Label(meta.namespace)) errs.push(invalid('metadata.namespace', meta.namespace, m));
    }
  } else if (meta.namespace) {
    errs.push(forbidden('metadata.namespace', 'not allowed on this type'));
  }
  errs.push(...validateNonnegative(meta.generation, 'metadata.generation'));
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  errs.push(...validateOwnerReferences(meta.ownerReferences, 'metadata.ownerReferences'));
  errs.push(...validateFinalizers(meta.finalizers, 'metadata.finalizers'));
  return errs;
}

function goTime(t: string | undefined): unknown {
  if (!t) return goLiteral('null');
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return t;
  // metav1.Time prints through time.Time.String().
  const iso = d.toISOString();
  return goLiteral(`${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`);
}

/** ValidateObjectMetaUpdate: what may not change between the stored object and an update. */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta): FieldError[] {
  const errs: FieldError[] = [];
  if (old.deletionTimestamp) {
    const extra = (meta.finalizers ?? []).filter((f) => !(old.finalizers ?? []).includes(f));
    if (extra.length > 0) {
      const sorted = [...new Set(extra)].sort();
      errs.push(forbidden('metadata.finalizers', `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(sorted)}`));
    }
  }
  if (!meta.resourceVersion) errs.push(invalid('metadata.resourceVersion', meta.resourceVersion ?? '', 'must be specified for an update'));
  if ((meta.generation ?? 0) < (old.generation ?? 0)) errs.push(invalid('metadata.generation', meta.generation ?? 0, 'must not be decremented'));
  const immutable = (field: string, a: unknown, b: unknown, shown: unknown) => {
    if (!deepEqual(a, b)) errs.push(invalid(`metadata.${field}`, shown, FIELD_IMMUTABLE_MSG));
  };
  immutable('name', meta.name ?? '', old.name ?? '', meta.name ?? '');
  immutable('namespace', meta.namespace ?? '', old.namespace ?? '', meta.namespace ?? '');
  immutable('uid', meta.uid ?? '', old.uid ?? '', meta.uid ?? '');
  immutable('creationTimestamp', meta.creationTimestamp, old.creationTimestamp, goTime(meta.creationTimestamp));
  immutable('deletionTimestamp', meta.deletionTimestamp, old.deletionTimestamp, goTime(meta.deletionTimestamp));
  immutable('deletionGracePeriodSeconds', meta.deletionGracePeriodSeconds, old.deletionGracePeriodSeconds, meta.deletionGracePeriodSeconds ?? null);
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  errs.push(...validateOwnerReferences(meta.ownerReferences, 'metadata.ownerReferences'));
  errs.push(...validateFinalizers(meta.finalizers, 'metadata.finalizers'));
  return errs;
}
