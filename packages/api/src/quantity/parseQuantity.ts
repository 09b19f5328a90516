/**
 * resource.ParseQuantity: `<sign><digits>[.<digits>]<suffix>` with binary
 * (Ki..Ei), decimal (n u m "" k M G T P E) or exponent (e3, E-2) suffixes.
 */
import {
  NANOS_PER_UNIT,
  QUANTITY_FORMAT_ERROR,
  QUANTITY_NUMERIC_ERROR,
  QUANTITY_SUFFIX_ERROR,
  QuantityError,
  type Quantity,
} from './quantity';
import { interpretSuffix, type SuffixMeaning } from './suffixes';

interface QuantityParts {
  positive: boolean;
  /** Integer digits without leading zeros ("0" when none). */
  num: string;
  /** Fraction digits as written. */
  denom: string;
  suffix: string;
  /** Whether upstream's numeric text has a digit ("." has none; a bare sign counts as "0"). */
  hasDigits: boolean;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const SUFFIX_LETTERS = 'eEinumkKMGTP';

/** parseQuantityString, scanning exactly as upstream so the same texts are accepted. */
function splitQuantity(str: string): QuantityParts {
  let pos = 0;
  let positive = true;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') {
    pos++;
  }
  const numberStart = pos;
  while (str[pos] === '0') pos++;
  if (pos >= str.length) return { positive, num: '0', denom: '', suffix: '', hasDigits: true };
  const intStart = pos;
  while (isDigit(str[pos])) pos++;
  const num = str.slice(intStart, pos) || '0';
  let denom = '';
  if (str[pos] === '.') {
    const fracStart = ++pos;
    while (isDigit(str[pos])) pos++;
    denom = str.slice(fracStart, pos);
  }
  const hasDigits = /[0-9]/.test(str.slice(numberStart, pos));
  const suffixStart = pos;
  while (pos < str.length && SUFFIX_LETTERS.includes(str[pos])) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (isDigit(str[pos])) pos++;
  if (pos < str.length) throw new QuantityError(QUANTITY_FORMAT_ERROR);
  return { positive, num, denom, suffix: str.slice(suffixStart), hasDigits };
}

/** Beyond this power of ten a value is refused rather than materialised (upstream would allocate it). */
const MAX_DECIMAL_POWER = 1000;
const MAX_BINARY_UNITS = 2n ** 63n - 1n;

/** ceil(|n| / d) for positive d. */
function divideRoundingUp(n: bigint, d: bigint): bigint {
  return (n + d - 1n) / d;
}

/** |value| in nanos, rounded up to a whole nano as upstream's Round(..., RoundUp). */
function magnitudeInNanos(parts: QuantityParts, meaning: SuffixMeaning): bigint {
  const mantissa = BigInt(parts.num + parts.denom);
  if (meaning.base === 2) {
    const scaled = mantissa * (1n << BigInt(meaning.exponent)) * NANOS_PER_UNIT;
    return divideRoundingUp(scaled, 10n ** BigInt(parts.denom.length));
  }
  const power = meaning.exponent - parts.denom.length + 9;
  if (power > MAX_DECIMAL_POWER) throw new QuantityError(QUANTITY_NUMERIC_ERROR);
  if (power >= 0) return mantissa * 10n ** BigInt(power);
  if (mantissa === 0n) return 0n;
  // Anything below one nano rounds up to exactly one; skip the huge divisor.
  if (-power > mantissa.toString().length) return 1n;
  return divideRoundingUp(mantissa, 10n ** BigInt(-power));
}

/** Whether upstream takes its exact int64 fast path (no rounding, no inf.Dec) for these parts. */
function takesInt64Path(parts: QuantityParts, meaning: SuffixMeaning): boolean {
  if (meaning.format === 'BinarySI') {
    if (parts.denom.length > 0) return false;
    const precision = 15 - parts.num.length - Math.trunc((meaning.exponent * 3) / 10) - 1;
    return precision >= 0 && BigInt(parts.num) << BigInt(meaning.exponent) <= MAX_BINARY_UNITS;
  }
  const precision = 18 - parts.num.length - parts.denom.length;
  return precision >= 0 && meaning.exponent - parts.denom.length >= -9;
}

/** Whether upstream keeps the input text as the quantity's string (fast path, canonical-looking text). */
function keepsText(parts: QuantityParts, meaning: SuffixMeaning): boolean {
  if (!takesInt64Path(parts, meaning)) return false;
  if (meaning.format === 'BinarySI') return meaning.exponent % 10 === 0 && (BigInt(parts.num) & 7n) !== 0n;
  const shifted = parts.num + parts.denom;
  const scale = meaning.exponent - parts.denom.length;
  return scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
}

/** Parses a quantity or throws QuantityError with upstream's message. */
export function parseQuantity(text: string): Quantity {
  if (text.length === 0) throw new QuantityError(QUANTITY_FORMAT_ERROR);
  if (text === '0') return { nanos: 0n, format: 'DecimalSI', text: '0' };
  const parts = splitQuantity(text);
  const meaning = interpretSuffix(parts.suffix);
  if (!meaning) throw new QuantityError(QUANTITY_SUFFIX_ERROR);
  // Off the fast path upstream hands the text to inf.Dec, which rejects a number without digits.
  if (!parts.hasDigits && !takesInt64Path(parts, meaning)) throw new QuantityError(QUANTITY_NUMERIC_ERROR);
  let magnitude = magnitudeInNanos(parts, meaning);
  let format = meaning.format;
  if (format === 'BinarySI') {
    if (magnitude > MAX_BINARY_UNITS * NANOS_PER_UNIT) magnitude = MAX_BINARY_UNITS * NANOS_PER_UNIT;
    // A binary value below one unit can only print in decimal (`512m`, not a fraction of Ki).
    if (magnitude > 0n && magnitude < NANOS_PER_UNIT) format = 'DecimalSI';
  }
  const nanos = parts.positive ? magnitude : -magnitude;
  return keepsText(parts, meaning) ? { nanos, format, text } : { nanos, format };
}
