/** Namespace, Node and Lease validation. */
import type { FieldError, KObject } from '../../registry/types';
import { child, duplicate, index, invalid, validateNonnegative } from '../field-errors';
import { goLiteral, goPointer, goQuote } from '../go-value';
import { arr, isSet, num, obj, str } from '../json-access';
import { isQualifiedName, isValidLabelValue } from '../names';
import { validateFinalizers } from '../metadata';
import { validateTaintEffect } from '../pod-spec/tolerations';

/** ValidateNamespace: spec.finalizers are finalizer names (errors at `spec.finalizers`, as upstream). */
export function validateNamespace(ns: KObject): FieldError[] {
  const finalizers = arr(obj(ns.spec).finalizers).map(str);
  const errs: FieldError[] = [];
  for (const f of finalizers) {
    for (const e of validateFinalizers([f], 'spec.finalizers')) errs.push({ ...e, field: 'spec.finalizers' });
  }
  return errs;
}

/** validateNodeTaints; upstream reports them under `metadata.taints`. */
export function validateNode(node: KObject): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Map<string, Set<string>>();
  arr(obj(node.spec).taints).forEach((t, i) => {
    const taint = obj(t);
    const path = index('metadata.taints', i);
    const k = str(taint.key);
    const effect = str(taint.effect);
    for (const m of isQualifiedName(k)) errs.push(invalid(child(path, 'key'), k, m));
    const valueErrs = isValidLabelValue(str(taint.value));
    if (valueErrs.length > 0) errs.push(invalid(child(path, 'value'), str(taint.value), valueErrs.join(';')));
    errs.push(...validateTaintEffect(effect, false, child(path, 'effect')));
    const keys = seen.get(effect) ?? new Set<string>();
    if (keys.has(k)) {
      const shown = goLiteral(`core.Taint{Key:${goQuote(k)}, Value:${goQuote(str(taint.value))}, Effect:${goQuote(effect)}, TimeAdded:${goPointer('v1.Time', isSet(taint.timeAdded))}}`);
      errs.push({ ...duplicate(path, shown), detail: 'taints must be unique by key and effect pair' });
      return;
    }
    keys.add(k);
    seen.set(effect, keys);
  });
  return errs;
}

/** ValidateLeaseSpec. */
export function validateLease(lease: KObject): FieldError[] {
  const spec = obj(lease.spec);
  const errs: FieldError[] = [];
  if (isSet(spec.leaseDurationSeconds) && num(spec.leaseDurationSeconds) <= 0) {
    errs.push(invalid('spec.leaseDurationSeconds', num(spec.leaseDurationSeconds), 'must be greater than 0'));
  }
  if (isSet(spec.leaseTransitions)) errs.push(...validateNonnegative(spec.leaseTransitions, 'spec.leaseTransitions'));
  const preferred = str(spec.preferredHolder);
  if (preferred && !str(spec.strategy)) errs.push({ type: 'FieldValueForbidden', field: 'spec.preferredHolder', detail: 'may only be specified if `strategy` is defined' });
  return errs;
}
