/** Pod tolerations and taint effects (ValidateTolerations, validateTaintEffect). */
import type { FieldError } from '../../registry/types';
import { child, forbidden, index, invalid, notSupported, required } from '../field-errors';
import { goLiteral, goPointer, goQuote } from '../go-value';
import { arr, isSet, obj, str, type JsonObject } from '../json-access';
import { isQualifiedName, isValidLabelValue } from '../names';
import { deepEqual } from '../deep-equal';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** validateTaintEffect. */
export function validateTaintEffect(effect: string, allowEmpty: boolean, field: string): FieldError[] {
  if (!allowEmpty && effect.length === 0) return [required(field)];
  return TAINT_EFFECTS.includes(effect) ? [] : [notSupported(field, effect, TAINT_EFFECTS)];
}

function goToleration(t: JsonObject) {
  return goLiteral(
    `core.Toleration{Key:${goQuote(str(t.key))}, Operator:${goQuote(str(t.operator))}, Value:${goQuote(str(t.value))}, Effect:${goQuote(str(t.effect))}, TolerationSeconds:${goPointer('int64', isSet(t.tolerationSeconds))}}`,
  );
}

/** ValidateTolerations. */
export function validateTolerations(tolerations: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(tolerations).forEach((t, i) => {
    const tol = obj(t);
    const path = index(field, i);
    const k = str(tol.key);
    const op = str(tol.operator);
    const effect = str(tol.effect);
    if (k) for (const m of isQualifiedName(k)) errs.push(invalid(child(path, 'key'), k, m));
    if (!k && op !== 'Exists') {
      errs.push(invalid(child(path, 'operator'), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (isSet(tol.tolerationSeconds) && effect !== 'NoExecute') {
      errs.push(invalid(child(path, 'effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === 'Equal' || op === '') {
      const msgs = isValidLabelValue(str(tol.value));
      if (msgs.length > 0) errs.push(invalid(child(path, 'operator'), str(tol.value), msgs.join(';')));
    } else if (op === 'Exists') {
      if (str(tol.value)) errs.push(invalid(child(path, 'operator'), goToleration(tol), "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(child(path, 'operator'), op, ['Equal', 'Exists']));
    }
    if (effect) errs.push(...validateTaintEffect(effect, true, child(path, 'effect')));
  });
  return errs;
}

/** validateOnlyAddedTolerations (pod update): existing tolerations may only change their tolerationSeconds. */
export function validateOnlyAddedTolerations(next: unknown, old: unknown, field: string): FieldError[] {
  const nextList = arr(next).map(obj);
  for (const o of arr(old).map(obj)) {
    const found = nextList.some((n) => deepEqual({ ...o, tolerationSeconds: n.tolerationSeconds }, n));
    if (!found) return [forbidden(field, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(next, field);
}
