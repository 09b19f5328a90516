/** DaemonSet validation (ValidateDaemonSetSpec, ValidateDaemonSetUpdateStrategy). */
import type { FieldError, KObject } from '../../registry/types';
import { child, invalid, notSupported, required, validateNonnegative } from '../field-errors';
import { goIntOrString, goLabelSelector, goLiteral, goPointer, goQuote } from '../go-value';
import { isSet, obj, optObj, str } from '../json-access';
import { validateLabelSelector } from '../label-selector';
import { validatePodTemplateSpec } from '../pod-spec';
import { intOrPercentValue, validateNotMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent';
import { validateSelectorImmutable } from './replicaset';
import { validateAlwaysRestart, validateSelectorMatchesTemplate } from './workload-template';

function validateRollingUpdate(ru: Record<string, unknown>, field: string): FieldError[] {
  const errs = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, child(field, 'maxUnavailable')),
    ...validatePositiveIntOrPercent(ru.maxSurge, child(field, 'maxSurge')),
    ...validateNotMoreThan100Percent(ru.maxUnavailable, child(field, 'maxUnavailable')),
    ...validateNotMoreThan100Percent(ru.maxSurge, child(field, 'maxSurge')),
  ];
  const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) errs.push(invalid(child(field, 'maxSurge'), goIntOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
  if (!hasUnavailable && !hasSurge) errs.push(required(child(field, 'maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
  return errs;
}

function validateUpdateStrategy(strategyValue: unknown, field: string): FieldError[] {
  const strategy = obj(strategyValue);
  const type = str(strategy.type);
  const ru = optObj(strategy.rollingUpdate);
  if (type === 'OnDelete') return [];
  if (type === 'RollingUpdate') return ru ? validateRollingUpdate(ru, child(field, 'rollingUpdate')) : [required(child(field, 'rollingUpdate'))];
  const shown = goLiteral(`apps.DaemonSetUpdateStrategy{Type:${goQuote(type)}, RollingUpdate:${goPointer('apps.RollingUpdateDaemonSet', !!ru)}}`);
  return [notSupported(field, shown, ['RollingUpdate', 'OnDelete'])];
}

/** ValidateDaemonSetSpec. A missing selector selects nothing, so only the template mismatch is reported. */
export function validateDaemonSetSpec(specValue: unknown): FieldError[] {
  const spec = obj(specValue);
  const errs = validateLabelSelector(spec.selector, 'spec.selector');
  errs.push(...validateSelectorMatchesTemplate(spec.selector, spec.template, 'spec.template'));
  const sel = optObj(spec.selector);
  if (sel && Object.keys(obj(sel.matchLabels)).length + (Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0) === 0) {
    errs.push(invalid('spec.selector', goLabelSelector(sel), 'empty selector is invalid for daemonset'));
  }
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
  errs.push(...validateAlwaysRestart(spec.template, 'spec.template', 'DaemonSet'));
  errs.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateNonnegative(spec.templateGeneration, 'spec.templateGeneration'));
  errs.push(...validateUpdateStrategy(spec.updateStrategy, 'spec.updateStrategy'));
  if (isSet(spec.revisionHistoryLimit)) errs.push(...validateNonnegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errs;
}

/** DaemonSet validation on create and update (selector immutable on update). */
export function validateDaemonSet(ds: KObject, old?: KObject): FieldError[] {
  const errs = validateDaemonSetSpec(ds.spec);
  if (old) errs.push(...validateSelectorImmutable(ds, old));
  return errs;
}
