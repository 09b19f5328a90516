/**
 * Key ranges for prefixes. SQLite compares TEXT with memcmp over UTF-8 bytes,
 * which orders strings by code point; the bounds and comparisons here use the
 * same order, so `key >= prefix AND key < prefixEnd(prefix)` selects exactly
 * the keys starting with prefix, whatever characters it holds (no LIKE
 * wildcards or escapes involved). Keys must be well-formed Unicode.
 */

const MAX_CODE_POINT = 0x10ffff;
const SURROGATE_FIRST = 0xd800;
const SURROGATE_LAST = 0xdfff;

/**
 * The smallest string greater than every string that starts with prefix, or
 * undefined when there is none (empty prefix, or only U+10FFFF characters).
 */
export function prefixEnd(prefix: string): string | undefined {
  const codePoints = Array.from(prefix);
  while (codePoints.length > 0) {
    const last = codePoints.pop()!.codePointAt(0)!;
    if (last < MAX_CODE_POINT) {
      let next = last + 1;
      // Surrogates are not characters; the next character after U+D7FF is U+E000.
      if (next >= SURROGATE_FIRST && next <= SURROGATE_LAST) next = SURROGATE_LAST + 1;
      return codePoints.join('') + String.fromCodePoint(next);
    }
  }
  return undefined;
}

/** Compares two keys in SQLite's order (UTF-8 bytes = code points), unlike `<` on JS strings (UTF-16 units). */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
