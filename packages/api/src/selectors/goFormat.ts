/**
 * Go's string primitives that upstream messages and orderings rest on, so mk's text matches
 * byte for byte: strconv.Quote (`%q`), `%#v` of a []string, len() and sort.Strings of strings.
 * Shared by selectors, validation, printers and (through @mk/api) the CLI.
 */

const SHORT_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
};

/** Go's strconv.Quote: double quotes, backslash escapes, `\x..` for ASCII controls, `\u00..` for C1 controls. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (SHORT_ESCAPES[ch] !== undefined) out += SHORT_ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0x80 && code < 0xa0) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Go's `%#v` of a []string; null or undefined is Go's nil slice (`[]string(nil)`), distinct from an empty one (`[]string{}`). */
export function goStringSlice(values: readonly string[] | null | undefined): string {
  if (values === null || values === undefined) return '[]string(nil)';
  // Validators hand over decoded JSON, where an element may not really be a string.
  return `[]string{${values.map((v) => goQuote(String(v))).join(', ')}}`;
}

/** Go's len() of a string: UTF-8 bytes, not UTF-16 units. */
export function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Byte-wise string comparison, as Go's sort.Strings orders. */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  const n = Math.min(ea.length, eb.length);
  for (let i = 0; i < n; i++) if (ea[i] !== eb[i]) return ea[i] - eb[i];
  return ea.length - eb.length;
}
