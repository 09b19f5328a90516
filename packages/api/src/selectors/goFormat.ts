/**
 * The few Go formatting verbs that upstream selector errors print, so our
 * messages match byte for byte: `%q` of a string and `%#v` of a []string.
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

/** Go's strconv.Quote for printable text: double quotes, backslash escapes, `\x..` for control bytes. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (SHORT_ESCAPES[ch] !== undefined) out += SHORT_ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + '"';
}

/** Go's `%#v` of a []string; `nil` distinguishes Go's nil slice (`[]string(nil)`) from an empty one (`[]string{}`). */
export function goStringSlice(values: string[] | null): string {
  if (values === null) return '[]string(nil)';
  return `[]string{${values.map(goQuote).join(', ')}}`;
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
