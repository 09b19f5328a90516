/**
 * client-go's UnquoteExtend: strconv.Unquote that also accepts single-quoted strings of any
 * length, used for JSONPath literals such as {"\n"} and [?(@.type=='Ready')].
 */

const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** Unquotes a "double" or 'single' quoted literal; throws "invalid syntax" like strconv. */
export function unquoteExtend(s: string): string {
  const chars = Array.from(s);
  if (chars.length < 2) throw new Error('invalid syntax');
  const quote = chars[0];
  if (quote !== chars[chars.length - 1] || (quote !== '"' && quote !== "'")) throw new Error('invalid syntax');
  const body = chars.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === quote) throw new Error('invalid syntax');
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === undefined) throw new Error('invalid syntax');
    if (SIMPLE[e] !== undefined) out += SIMPLE[e];
    else if (e === quote) out += e;
    else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n).join('');
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) throw new Error('invalid syntax');
      out += String.fromCodePoint(parseInt(hex, 16));
      i += n;
    } else if (e >= '0' && e <= '7') {
      const oct = body.slice(i, i + 3).join('');
      if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) throw new Error('invalid syntax');
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else {
      throw new Error('invalid syntax');
    }
  }
  return out;
}
