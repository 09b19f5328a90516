/**
 * Renders a FieldError's bad value the way 1.32's field.Error.ErrorBody does:
 * strings with %q, numbers and booleans with %v, nil as `null`, and anything
 * else with Go's %#v. Plain JSON cannot say which Go type a value had, so
 * validators wrap struct values in a GoLiteral built by the helpers below.
 */
import { compareBytes, goQuote, goStringSlice } from '../selectors/goFormat';

export { goQuote, goStringSlice };

/** A value already rendered in Go %#v syntax. */
export class GoLiteral {
  constructor(readonly text: string) {}
}

/** Wraps pre-rendered Go syntax. */
export function goLiteral(text: string): GoLiteral {
  return new GoLiteral(text);
}

/** `map[string]string{"a":"1", "b":"2"}` with keys sorted as fmt sorts them; nil when absent. */
export function goStringMap(m: Record<string, string> | null | undefined): string {
  if (m === null || m === undefined) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort(compareBytes);
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`).join(', ')}}`;
}

/** A Go pointer field inside %#v: `(*T)(nil)` or an address, which Go prints as a hex pointer. */
export function goPointer(type: string, present: boolean): string {
  return present ? `(*${type})(0xc000000000)` : `(*${type})(nil)`;
}

interface SelectorLike {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: Array<{ key?: string; operator?: string; values?: string[] | null }> | null;
}

/** %#v of a (dereferenced) metav1.LabelSelector. */
export function goLabelSelector(sel: SelectorLike | null | undefined): GoLiteral {
  if (sel === null || sel === undefined) return goLiteral('null');
  const exprs = sel.matchExpressions;
  const exprText =
    exprs === null || exprs === undefined
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${exprs
          .map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(e.key ?? '')}, Operator:${goQuote(e.operator ?? '')}, Values:${goStringSlice(e.values)}}`)
          .join(', ')}}`;
  return goLiteral(`v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprText}}`);
}

/** %#v of an intstr.IntOrString (Type 0 = Int, 1 = String). */
export function goIntOrString(v: unknown): GoLiteral {
  if (typeof v === 'string') return goLiteral(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`);
  const n = typeof v === 'number' ? v : 0;
  return goLiteral(`intstr.IntOrString{Type:0, IntVal:${n}, StrVal:""}`);
}

/** %#v of a value Go prints as a struct we do not model field by field: its JSON, prefixed with the Go type. */
export function goStruct(type: string, value: unknown): GoLiteral {
  return goLiteral(`${type}${JSON.stringify(value ?? {})}`);
}

/** Renders a bad value as ErrorBody shows it. */
export function renderBadValue(v: unknown): string {
  if (v instanceof GoLiteral) return v.text;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return goStringSlice(v as string[]);
  if (typeof v === 'object' && Object.values(v as object).every((x) => typeof x === 'string')) {
    return goStringMap(v as Record<string, string>);
  }
  return JSON.stringify(v);
}
