/** The suffix table of resource.Quantity (suffix.go): text ↔ (base, exponent, format). */
import type { QuantityFormat } from './quantity';

export interface SuffixMeaning {
  base: 2 | 10;
  exponent: number;
  format: QuantityFormat;
}

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const INT64_TEXT = /^[+-]?[0-9]+$/;

function own(table: Record<string, number>, key: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** suffixer.interpret; undefined when the suffix means nothing. */
export function interpretSuffix(suffix: string): SuffixMeaning | undefined {
  const dec = own(DECIMAL, suffix);
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = own(BINARY, suffix);
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && INT64_TEXT.test(suffix.slice(1))) {
    const parsed = BigInt(suffix.slice(1));
    if (parsed >= -(2n ** 63n) && parsed < 2n ** 63n) {
      // Go converts the int64 to int32, wrapping; do the same.
      return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
    }
  }
  return undefined;
}

/** The DecimalSI suffix for a power of ten that is a multiple of 3 in [-9, 18], else undefined. */
export function decimalSuffixFor(exponent: number): string | undefined {
  return Object.keys(DECIMAL).find((k) => DECIMAL[k] === exponent);
}

/** The BinarySI suffix for a power of 1024 in [1, 6], else undefined. */
export function binarySuffixFor(power1024: number): string | undefined {
  return Object.keys(BINARY).find((k) => BINARY[k] === power1024 * 10);
}
