/**
 * Tokenizer for label selector strings, mirroring labels.Lexer so that parse
 * errors quote the same literals upstream does.
 */

export type TokenType =
  | 'error'
  | 'eos'
  | ')'
  | ','
  | '!'
  | '=='
  | '='
  | '>'
  | 'identifier'
  | 'in'
  | '<'
  | '!='
  | 'notin'
  | '(';

export interface Token {
  type: TokenType;
  literal: string;
}

const KEYWORDS: Record<string, TokenType> = {
  ')': ')',
  ',': ',',
  '!': '!',
  '==': '==',
  '=': '=',
  '>': '>',
  in: 'in',
  '<': '<',
  '!=': '!=',
  notin: 'notin',
  '(': '(',
};

function keyword(s: string): TokenType | undefined {
  return Object.prototype.hasOwnProperty.call(KEYWORDS, s) ? KEYWORDS[s] : undefined;
}

function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

function isSpecialSymbol(ch: string): boolean {
  return '=!(),><'.includes(ch);
}

/** Splits a selector string into tokens, ending with one `eos` token. */
export function lexLabelSelector(s: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos])) pos++;
    if (pos >= s.length) {
      tokens.push({ type: 'eos', literal: '' });
      return tokens;
    }
    if (isSpecialSymbol(s[pos])) {
      // Longest run of symbols that still forms a known token ("!=" over "!").
      let buffer = '';
      let last: Token | undefined;
      while (pos < s.length && isSpecialSymbol(s[pos])) {
        buffer += s[pos];
        const t = keyword(buffer);
        if (t) last = { type: t, literal: buffer };
        else if (last) break;
        pos++;
      }
      tokens.push(last ?? { type: 'error', literal: `error expected: keyword found '${buffer}'` });
    } else {
      let buffer = '';
      while (pos < s.length && !isSpecialSymbol(s[pos]) && !isWhitespace(s[pos])) buffer += s[pos++];
      tokens.push({ type: keyword(buffer) ?? 'identifier', literal: buffer });
    }
  }
}
