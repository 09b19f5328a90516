/**
 * One label selector requirement (labels.Requirement): construction with
 * upstream's validation messages, matching, and canonical string form.
 */
import { SelectorError } from './errors';
import { aggregateText } from '../validation/messages';
import { invalidValueMessage, labelKeyError, labelValueError } from './labelValidation';
import { compareBytes, goQuote, goStringSlice } from './goFormat';

/** selection.Operator values, spelled as upstream does. */
export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

/** `key <operator> values`; values are empty for `exists` and `!`. */
export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

const INT64 = /^[+-]?[0-9]+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64), or undefined when it would fail. */
function parseInt64(s: string): bigint | undefined {
  if (!INT64.test(s)) return undefined;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

/**
 * labels.NewRequirement: validates key, operator arity and values and throws a
 * SelectorError with the aggregated field errors. `values` of null stands for a
 * Go nil slice (only visible in messages). `keyPath` is where key errors point.
 */
export function newRequirement(key: string, operator: LabelOperator, values: string[] | null, keyPath = 'key'): LabelRequirement {
  const vals = values ?? [];
  const errs: string[] = [];
  const keyErr = labelKeyError(key, keyPath);
  if (keyErr) errs.push(keyErr);
  const shown = goStringSlice(values);
  switch (operator) {
    case 'in':
    case 'notin':
      if (vals.length === 0) errs.push(invalidValueMessage('values', shown, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1) errs.push(invalidValueMessage('values', shown, 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (vals.length !== 0) errs.push(invalidValueMessage('values', shown, 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (vals.length !== 1) errs.push(invalidValueMessage('values', shown, "for 'Gt', 'Lt' operators, exactly one value is required"));
      vals.forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errs.push(invalidValueMessage(`values[${i}]`, goQuote(v), "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      });
      break;
  }
  vals.forEach((v, i) => {
    const err = labelValueError(key, v, `values[${i}]`);
    if (err) errs.push(err);
  });
  if (errs.length) throw new SelectorError(aggregateText(errs));
  return { key, operator, values: [...vals] };
}

/** Requirement.Matches against a label set (absent labels count as unset, not as ""). */
export function requirementMatches(r: LabelRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && r.values.includes(labels[r.key]);
    case 'notin':
    case '!=':
      return !has || !r.values.includes(labels[r.key]);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || r.values.length !== 1) return false;
      const actual = parseInt64(labels[r.key]);
      const bound = parseInt64(r.values[0]);
      if (actual === undefined || bound === undefined) return false;
      return r.operator === 'gt' ? actual > bound : actual < bound;
    }
  }
}

const OPERATOR_TEXT: Record<LabelOperator, string> = {
  '=': '=',
  '==': '==',
  '!=': '!=',
  in: ' in ',
  notin: ' notin ',
  gt: '>',
  lt: '<',
  exists: '',
  '!': '',
};

/** Requirement.String: `k=v`, `k in (a,b)` (values sorted), `k`, `!k`, `k>1`. */
export function requirementToString(r: LabelRequirement): string {
  if (r.operator === 'exists') return r.key;
  if (r.operator === '!') return `!${r.key}`;
  const values = r.values.length === 1 ? r.values[0] : [...r.values].sort(compareBytes).join(',');
  const body = `${r.key}${OPERATOR_TEXT[r.operator]}`;
  return r.operator === 'in' || r.operator === 'notin' ? `${body}(${values})` : `${body}${values}`;
}
