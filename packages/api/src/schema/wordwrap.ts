/**
 * Word wrapping exactly as kubectl explain does it (github.com/mitchellh/go-wordwrap v1.0.1 WrapString):
 * lines break only at whitespace, a word longer than the limit overflows, existing newlines are kept, and
 * lengths count code points. Reimplemented because explain's layout depends on its precise behaviour
 * (trailing spaces kept before a newline, spaces dropped at a break), which general wrappers do not share.
 */

const NBSP = 0xa0;

/** Go's unicode.IsSpace. */
function isSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0x85 ||
    code === NBSP ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Wraps `s` at whitespace so that lines stay within `limit` characters where words allow. */
export function wrapString(s: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;
  const flushSpaceAndWord = () => {
    current += spaceLen + wordLen;
    out += space + word;
    space = '';
    spaceLen = 0;
    word = '';
    wordLen = 0;
  };

  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n') {
      if (wordLen === 0) {
        // Trailing spaces survive only if they still fit on the line.
        if (current + spaceLen <= limit) out += space;
        space = '';
        spaceLen = 0;
      } else {
        flushSpaceAndWord();
      }
      out += ch;
      current = 0;
    } else if (isSpace(code) && code !== NBSP) {
      if (spaceLen === 0 || wordLen > 0) flushSpaceAndWord();
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + wordLen + spaceLen > limit && wordLen < limit) {
        out += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }

  if (wordLen === 0) {
    if (current + spaceLen <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}
