/**
 * Go's fmt rendering of decoded JSON values (map[string]interface{}, []interface{}, int64,
 * float64, string, bool, nil), as kubectl prints table cells, custom columns and JSONPath
 * results: `%v` gives `map[a:b]`, `[x y]`, `<nil>`, `1e+06`; `%#v` gives the Go-syntax
 * dump kubectl puts into JSONPath error messages. Client-side (kubectl) rendering, kept here so
 * every package formats Go values one way.
 */
import { compareBytes, goQuote } from '../selectors/goFormat';

/** A float64 that must stay a float even when integral (a JSONPath literal such as `1.0`). */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** True for numbers Go's unstructured decoding would hold as int64 (integral JSON numbers). */
export function isGoInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 1e21;
}

/**
 * strconv.FormatFloat(f, 'g', -1, 64), which is also fmt's %v of a float64: shortest digits, and
 * exponent form when the decimal exponent is below -4 or at least 6 (Go's fixed threshold for
 * shortest output), so 1e6 prints as `1e+06` and 999999.5 as `999999.5`.
 */
export function goFormatFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa, expText] = f.toExponential().split('e');
  const exp = Number(expText);
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = f < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : `${Math.abs(exp)}`;
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp >= digits.length - 1) return sign + digits + '0'.repeat(exp - digits.length + 1);
  if (exp >= 0) return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
}

/** fmt.Sprint(v) of a decoded JSON value. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (v instanceof GoFloat) return goFormatFloat(v.value);
  switch (typeof v) {
    case 'string':
      return v;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return isGoInt(v) ? String(v) : goFormatFloat(v);
    case 'bigint':
      return v.toString();
  }
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  const record = v as Record<string, unknown>;
  const keys = Object.keys(record).sort(compareBytes);
  return `map[${keys.map((k) => `${k}:${goSprint(record[k])}`).join(' ')}]`;
}

/** Go's type name of a decoded JSON value, as reflect prints it in error messages. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}';
  if (v instanceof GoFloat) return 'float64';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return isGoInt(v) ? 'int64' : 'float64';
  }
  return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
}

/** fmt.Sprintf("%#v", v) of a decoded JSON value inside an interface{}. */
export function goSharpV(v: unknown, nested = false): string {
  if (v === null || v === undefined) return nested ? 'interface {}(nil)' : '<nil>';
  if (v instanceof GoFloat) return goFormatFloat(v.value);
  switch (typeof v) {
    case 'string':
      return goQuote(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return isGoInt(v) ? String(v) : goFormatFloat(v);
  }
  if (Array.isArray(v)) return `[]interface {}{${v.map((e) => goSharpV(e, true)).join(', ')}}`;
  const record = v as Record<string, unknown>;
  const keys = Object.keys(record).sort(compareBytes);
  return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goSharpV(record[k], true)}`).join(', ')}}`;
}
