/** StatefulSet validation (ValidateStatefulSetSpec, ValidateStatefulSetUpdate). */
import type { FieldError, KObject } from '../../registry/types';
import { child, forbidden, invalid, notSupported, required, validateNonnegative } from '../field-errors';
import { goIntOrString, goLiteral, goPointer, goQuote } from '../go-value';
import { deepEqual } from '../deep-equal';
import { isSet, obj, optObj, str } from '../json-access';
import { selectorCheck } from '../label-selector';
import { validateAnnotations, validateLabels } from '../metadata';
import { nameIsDNS1035Label } from '../names';
import { validatePodAnnotations } from '../pod-spec';
import { intOrPercentValue, validateNotMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent';
import { validateAlwaysRestart, validateSelectorMatchesTemplate, validateWorkloadSelector } from './workload-template';

const RETENTION_POLICIES = ['Retain', 'Delete'];

function goRollingUpdate(ru: Record<string, unknown>) {
  return goLiteral(
    `apps.RollingUpdateStatefulSetStrategy{Partition:${goPointer('int32', isSet(ru.partition))}, MaxUnavailable:${goPointer('intstr.IntOrString', isSet(ru.maxUnavailable))}}`,
  );
}

function validateRollingUpdate(ru: Record<string, unknown>, field: string): FieldError[] {
  const errs = validateNonnegative(ru.partition ?? 0, child(field, 'partition'));
  if (isSet(ru.maxUnavailable)) {
    const mu = ru.maxUnavailable;
    errs.push(...validatePositiveIntOrPercent(mu, child(field, 'maxUnavailable')));
    if (intOrPercentValue(mu) === 0) errs.push(invalid(child(field, 'maxUnavailable'), goIntOrString(mu), 'cannot be 0'));
    errs.push(...validateNotMoreThan100Percent(mu, child(field, 'maxUnavailable')));
  }
  return errs;
}

/**
 * ValidateStatefulSetSpec. Upstream validates only the template's metadata:
 * its pod spec may mount volumes that come from volumeClaimTemplates.
 */
export function validateStatefulSetSpec(specValue: unknown): FieldError[] {
  const spec = obj(specValue);
  const errs: FieldError[] = [];
  const pmp = str(spec.podManagementPolicy);
  if (pmp === '') errs.push(required('spec.podManagementPolicy'));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  const us = obj(spec.updateStrategy);
  const usType = str(us.type);
  const ru = optObj(us.rollingUpdate);
  if (usType === '') errs.push(required('spec.updateStrategy'));
  else if (usType === 'OnDelete') {
    if (ru) errs.push(invalid('spec.updateStrategy.rollingUpdate', goRollingUpdate(ru), "only allowed for updateStrategy 'RollingUpdate'"));
  } else if (usType === 'RollingUpdate') {
    if (ru) errs.push(...validateRollingUpdate(ru, 'spec.updateStrategy.rollingUpdate'));
  } else {
    const shown = goLiteral(`apps.StatefulSetUpdateStrategy{Type:${goQuote(usType)}, RollingUpdate:${goPointer('apps.RollingUpdateStatefulSetStrategy', !!ru)}}`);
    errs.push(invalid('spec.updateStrategy', shown, "must be 'RollingUpdate' or 'OnDelete'"));
  }
  if (isSet(spec.revisionHistoryLimit)) errs.push(...validateNonnegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  const retention = optObj(spec.persistentVolumeClaimRetentionPolicy);
  if (retention) {
    for (const f of ['whenDeleted', 'whenScaled']) {
      const v = str(retention[f]);
      if (!RETENTION_POLICIES.includes(v)) errs.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, v, RETENTION_POLICIES));
    }
  }
  const serviceName = str(spec.serviceName);
  if (serviceName) for (const m of nameIsDNS1035Label(serviceName, false)) errs.push(invalid('spec.serviceName', serviceName, m));
  errs.push(...validateNonnegative(spec.replicas, 'spec.replicas'));
  errs.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  const ordinals = optObj(spec.ordinals);
  if (ordinals) errs.push(...validateNonnegative(ordinals.start, 'spec.ordinals.start'));
  errs.push(...validateWorkloadSelector(spec.selector, 'spec.selector', 'statefulset'));
  if (selectorCheck(spec.selector).invalid) errs.push(invalid('spec.selector', goLiteral(JSON.stringify(spec.selector)), ''));
  else {
    errs.push(...validateSelectorMatchesTemplate(spec.selector, spec.template, 'spec.template'));
    const meta = obj(obj(spec.template).metadata);
    errs.push(...validateLabels(optObj(meta.labels) as Record<string, string> | undefined, 'spec.template.labels'));
    errs.push(...validateAnnotations(optObj(meta.annotations) as Record<string, string> | undefined, 'spec.template.annotations'));
    errs.push(...validatePodAnnotations(meta.annotations, obj(spec.template).spec, 'spec.template.annotations'));
  }
  errs.push(...validateAlwaysRestart(spec.template, 'spec.template', 'StatefulSet'));
  return errs;
}

const UPDATABLE = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy'];

/** ValidateStatefulSetUpdate: only replicas, ordinals, template, updateStrategy, retention policy and minReadySeconds may change. */
export function validateStatefulSet(sts: KObject, old?: KObject): FieldError[] {
  const errs = validateStatefulSetSpec(sts.spec);
  if (!old) return errs;
  const next = { ...obj(sts.spec) };
  const prev = { ...obj(old.spec) };
  for (const f of UPDATABLE) {
    delete next[f];
    delete prev[f];
  }
  if (!deepEqual(next, prev)) {
    errs.push(
      forbidden(
        'spec',
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    );
  }
  return errs;
}
