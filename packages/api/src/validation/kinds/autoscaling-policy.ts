/** HorizontalPodAutoscaler (autoscaling/v2) and PodDisruptionBudget (policy/v1) validation. */
import type { FieldError, KObject } from '../../registry/types';
import { child, index, invalid, notSupported, required } from '../field-errors';
import { goStruct } from '../go-value';
import { arr, isSet, num, obj, optObj, str, type JsonObject } from '../json-access';
import { validateLabelSelector } from '../label-selector';
import { isValidPathSegmentName } from '../names';
import { validateNotMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent';

const METRIC_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const SELECT_POLICIES = ['Disabled', 'Max', 'Min'];
const SCALING_POLICY_TYPES = ['Percent', 'Pods'];
const UNHEALTHY_POD_EVICTION = ['AlwaysAllow', 'IfHealthyBudget'];

function validateScaleTargetRef(ref: JsonObject, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['kind', 'name'] as const) {
    const v = str(ref[f]);
    if (!v) errs.push(required(child(field, f)));
    else for (const m of isValidPathSegmentName(v)) errs.push(invalid(child(field, f), v, m));
  }
  return errs;
}

function validateMetrics(metrics: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(metrics).forEach((m, i) => {
    const metric = obj(m);
    const path = index(field, i);
    const type = str(metric.type);
    if (!type) errs.push(required(child(path, 'type'), 'must specify a metric source type'));
    if (!METRIC_TYPES.includes(type)) errs.push(notSupported(child(path, 'type'), type, METRIC_TYPES));
    if (type === 'Resource') {
      const r = optObj(metric.resource);
      if (!r) errs.push(required(child(path, 'resource'), 'must populate information for the given metric source'));
      else {
        if (!str(r.name)) errs.push(required(child(path, 'resource', 'name'), 'must specify a resource name'));
        const target = obj(r.target);
        if (isSet(target.averageUtilization) && num(target.averageUtilization) < 1) {
          errs.push(invalid(child(path, 'resource', 'target', 'averageUtilization'), num(target.averageUtilization), 'must be greater than 0'));
        }
      }
    }
  });
  return errs;
}

function validateScalingRules(rules: JsonObject | undefined, field: string): FieldError[] {
  if (!rules) return [];
  const errs: FieldError[] = [];
  const sws = rules.stabilizationWindowSeconds;
  if (isSet(sws) && (num(sws) < 0 || num(sws) > 3600)) {
    errs.push(invalid(child(field, 'stabilizationWindowSeconds'), num(sws), num(sws) < 0 ? 'must be greater than or equal to zero' : 'must be less than or equal to 3600'));
  }
  if (isSet(rules.selectPolicy) && !SELECT_POLICIES.includes(str(rules.selectPolicy))) {
    errs.push(notSupported(child(field, 'selectPolicy'), str(rules.selectPolicy), SELECT_POLICIES));
  }
  const policies = arr(rules.policies).map(obj);
  if (policies.length === 0) errs.push(required(child(field, 'policies'), 'must specify at least one Policy'));
  policies.forEach((p, i) => {
    const path = index(child(field, 'policies'), i);
    const t = str(p.type);
    if (!SCALING_POLICY_TYPES.includes(t)) errs.push(notSupported(child(path, 'type'), t, SCALING_POLICY_TYPES));
    if (num(p.value) <= 0) errs.push(invalid(child(path, 'value'), num(p.value), 'must be greater than zero'));
    if (num(p.periodSeconds) <= 0) errs.push(invalid(child(path, 'periodSeconds'), num(p.periodSeconds), 'must be greater than zero'));
    if (num(p.periodSeconds) > 1800) errs.push(invalid(child(path, 'periodSeconds'), num(p.periodSeconds), 'must be less than or equal to 1800'));
  });
  return errs;
}

/** ValidateHorizontalPodAutoscaler (minReplicas >= 1: HPAScaleToZero is off in 1.32). */
export function validateHPA(hpa: KObject): FieldError[] {
  const spec = obj(hpa.spec);
  const errs: FieldError[] = [];
  const min = spec.minReplicas;
  if (isSet(min) && num(min) < 1) errs.push(invalid('spec.minReplicas', num(min), 'must be greater than or equal to 1'));
  const max = num(spec.maxReplicas);
  if (max < 1) errs.push(invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (isSet(min) && max < num(min)) errs.push(invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  errs.push(...validateScaleTargetRef(obj(spec.scaleTargetRef), 'spec.scaleTargetRef'));
  errs.push(...validateMetrics(spec.metrics, 'spec.metrics'));
  const behavior = optObj(spec.behavior);
  if (behavior) {
    errs.push(...validateScalingRules(optObj(behavior.scaleUp), 'spec.behavior.scaleUp'));
    errs.push(...validateScalingRules(optObj(behavior.scaleDown), 'spec.behavior.scaleDown'));
  }
  return errs;
}

/** ValidatePodDisruptionBudgetSpec. */
export function validatePDB(pdb: KObject): FieldError[] {
  const spec = obj(pdb.spec);
  const errs: FieldError[] = [];
  if (isSet(spec.minAvailable) && isSet(spec.maxUnavailable)) {
    errs.push(invalid('spec', goStruct('policy.PodDisruptionBudgetSpec', spec), 'minAvailable and maxUnavailable cannot be both set'));
  }
  for (const f of ['minAvailable', 'maxUnavailable'] as const) {
    if (!isSet(spec[f])) continue;
    errs.push(...validatePositiveIntOrPercent(spec[f], `spec.${f}`));
    errs.push(...validateNotMoreThan100Percent(spec[f], `spec.${f}`));
  }
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  if (isSet(spec.unhealthyPodEvictionPolicy) && !UNHEALTHY_POD_EVICTION.includes(str(spec.unhealthyPodEvictionPolicy))) {
    errs.push(notSupported('spec.unhealthyPodEvictionPolicy', str(spec.unhealthyPodEvictionPolicy), UNHEALTHY_POD_EVICTION));
  }
  return errs;
}
