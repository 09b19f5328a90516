/** ReplicaSet validation (ValidateReplicaSetSpec) and the apps/v1 selector immutability check. */
import type { FieldError, KObject } from '../../registry/types';
import { validateNonnegative } from '../field-errors';
import { goLabelSelector } from '../go-value';
import { validateImmutable } from '../immutable';
import { obj, optObj } from '../json-access';
import { validateTemplateForReplicaSet, validateWorkloadSelector } from './workload-template';

/** ValidateReplicaSetSpec. */
export function validateReplicaSetSpec(specValue: unknown): FieldError[] {
  const spec = obj(specValue);
  return [
    ...validateNonnegative(spec.replicas, 'spec.replicas'),
    ...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    ...validateWorkloadSelector(spec.selector, 'spec.selector', 'deployment'),
    ...validateTemplateForReplicaSet(spec.selector, spec.template, 'ReplicaSet'),
  ];
}

/** spec.selector may not change on apps/v1 updates (the strategy's check, reported last). */
export function validateSelectorImmutable(obj_: KObject, old: KObject): FieldError[] {
  const sel = obj(obj_.spec).selector;
  return validateImmutable(sel ?? null, obj(old.spec).selector ?? null, 'spec.selector', goLabelSelector(optObj(sel)));
}

/** ReplicaSet validation on create and update. */
export function validateReplicaSet(rs: KObject, old?: KObject): FieldError[] {
  const errs = validateReplicaSetSpec(rs.spec);
  if (old) errs.push(...validateSelectorImmutable(rs, old));
  return errs;
}
