/** Deployment validation (ValidateDeploymentSpec, ValidateDeploymentStrategy). */
import type { FieldError, KObject } from '../../registry/types';
import { child, forbidden, invalid, notSupported, required, validateNonnegative } from '../field-errors';
import { goIntOrString, goLiteral, goPointer, goQuote } from '../go-value';
import { isSet, num, obj, optObj, str } from '../json-access';
import { intOrPercentValue, validateNotMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent';
import { validateSelectorImmutable } from './replicaset';
import { validateTemplateForReplicaSet, validateWorkloadSelector } from './workload-template';

function validateRollingUpdate(ru: Record<string, unknown>, field: string): FieldError[] {
  const errs = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, child(field, 'maxUnavailable')),
    ...validatePositiveIntOrPercent(ru.maxSurge, child(field, 'maxSurge')),
  ];
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(invalid(child(field, 'maxUnavailable'), goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
  }
  errs.push(...validateNotMoreThan100Percent(ru.maxUnavailable, child(field, 'maxUnavailable')));
  return errs;
}

/** ValidateDeploymentStrategy. */
export function validateDeploymentStrategy(strategyValue: unknown, field: string): FieldError[] {
  const strategy = obj(strategyValue);
  const type = str(strategy.type);
  const ru = optObj(strategy.rollingUpdate);
  if (type === 'Recreate') {
    return ru ? [forbidden(child(field, 'rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (type === 'RollingUpdate') {
    return ru ? validateRollingUpdate(ru, child(field, 'rollingUpdate')) : [required(child(field, 'rollingUpdate'), 'this should be defaulted and never be nil')];
  }
  const shown = goLiteral(`apps.DeploymentStrategy{Type:${goQuote(type)}, RollingUpdate:${goPointer('apps.RollingUpdateDeployment', !!ru)}}`);
  return [notSupported(field, shown, ['Recreate', 'RollingUpdate'])];
}

/** ValidateDeploymentSpec. */
export function validateDeploymentSpec(specValue: unknown): FieldError[] {
  const spec = obj(specValue);
  const errs: FieldError[] = [
    ...validateNonnegative(spec.replicas, 'spec.replicas'),
    ...validateWorkloadSelector(spec.selector, 'spec.selector', 'deployment'),
    ...validateTemplateForReplicaSet(spec.selector, spec.template, 'ReplicaSet'),
    ...validateDeploymentStrategy(spec.strategy, 'spec.strategy'),
    ...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'),
  ];
  if (isSet(spec.revisionHistoryLimit)) errs.push(...validateNonnegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  const rollbackTo = optObj(spec.rollbackTo);
  if (rollbackTo) errs.push(...validateNonnegative(rollbackTo.revision, 'spec.rollback.version'));
  if (isSet(spec.progressDeadlineSeconds)) {
    const pds = num(spec.progressDeadlineSeconds);
    errs.push(...validateNonnegative(pds, 'spec.progressDeadlineSeconds'));
    if (pds <= num(spec.minReadySeconds)) errs.push(invalid('spec.progressDeadlineSeconds', pds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

/** Deployment validation on create and update (selector immutable on update). */
export function validateDeployment(d: KObject, old?: KObject): FieldError[] {
  const errs = validateDeploymentSpec(d.spec);
  if (old) errs.push(...validateSelectorImmutable(d, old));
  return errs;
}
