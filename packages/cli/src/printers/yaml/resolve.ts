/**
 * Which plain strings go-yaml v2 (sigs.k8s.io/yaml's fork) would read back as something other
 * than a string. The encoder double-quotes those ("80", "true", "y", "", "2024-01-01T00:00:00Z"),
 * so kubectl's YAML keeps them strings; this ports yaml.v2's resolve() for untagged scalars.
 */

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** The first character's class in yaml.v2's resolveTable: Sign, Digit, Map lookup, '.', or none. */
function hint(s: string): 'S' | 'D' | 'M' | '.' | undefined {
  if (s === '') return 'M';
  const c = s[0];
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return undefined;
}

/** True when yaml.v2 would resolve the plain scalar s to a non-string (bool, null, int, float, timestamp). */
export function resolvesToNonString(s: string): boolean {
  const h = hint(s);
  if (h === undefined) return false;
  if (RESOLVE_MAP.has(s)) return true;
  if (h === 'M') return false;
  if (h === '.') return isGoFloat(s);
  if (isTimestamp(s)) return true;
  const plain = s.replace(/_/g, '');
  if (isGoInt(plain) || (YAML_STYLE_FLOAT.test(plain) && isGoFloat(plain))) return true;
  if (plain.startsWith('0b')) return /^[01]+$/.test(plain.slice(2));
  if (plain.startsWith('-0b')) return /^[01]+$/.test(plain.slice(3));
  return false;
}

/** yaml.v2 also quotes YAML 1.1 base-60 floats such as "1:20" although it does not decode them. */
export function isBase60Float(s: string): boolean {
  const c = s[0];
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')) || !s.includes(':')) return false;
  return BASE60_FLOAT.test(s);
}

/** strconv.ParseInt(s, 0, 64) or ParseUint succeeds: decimal, 0x, 0o, 0b, or leading-0 octal. */
function isGoInt(s: string): boolean {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  const body = m[2];
  let value: bigint;
  if (/^0[xXoObB]/.test(body)) value = BigInt(body.toLowerCase());
  else if (body.length > 1 && body[0] === '0') value = BigInt(`0o${body.slice(1)}`);
  else value = BigInt(body);
  if (m[1] === '-') return value <= 2n ** 63n;
  return value < 2n ** 64n;
}

/** strconv.ParseFloat(s, 64) succeeds (decimal and Go's other accepted spellings, without overflow). */
function isGoFloat(s: string): boolean {
  if (/^[+-]?(inf|infinity|nan)$/i.test(s)) return true;
  if (/^[+-]?0[xX]/.test(s)) return /^[+-]?0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?[0-9]+$/.test(s);
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(s)) return false;
  return Number.isFinite(Number(s));
}

const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(?:Z|([+-])(\d{2}):(\d{2}))| (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?)?$/;

/** The formats yaml.v2's parseTimestamp accepts through Go's time.Parse, with its range checks. */
function isTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return false;
  const hour = m[4] ?? m[10];
  const minute = m[5] ?? m[11];
  const second = m[6] ?? m[12];
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59)) return false;
  if (m[8] !== undefined && (Number(m[8]) > 24 || Number(m[9]) > 60)) return false;
  return true;
}
