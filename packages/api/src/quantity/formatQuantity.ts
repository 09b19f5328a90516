/**
 * Quantity.String(): the canonical form. No precision is lost, no fraction
 * digits are printed and the suffix is as large as possible (`1.5Gi` prints
 * `1536Mi`, `0.5` prints `500m`).
 */
import { NANOS_PER_UNIT, type Quantity } from './quantity';
import { binarySuffixFor, decimalSuffixFor } from './suffixes';

/** mantissa × 10^exponent with all factors of ten moved into the exponent, exponent a multiple of 3. */
function decimalParts(nanos: bigint): { mantissa: bigint; exponent: number } {
  let mantissa = nanos;
  let exponent = -9;
  while (mantissa !== 0n && mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  while (exponent % 3 !== 0) {
    mantissa *= 10n;
    exponent--;
  }
  return { mantissa, exponent };
}

function formatDecimalExponent(nanos: bigint): string {
  const { mantissa, exponent } = decimalParts(nanos);
  return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
}

/**
 * DecimalSI has no suffix beyond E (10^18). Kubernetes 1.32 then drops the
 * exponent altogether (1000E printed as "1"); we print the exponent form
 * (`1e21`) instead, as upstream does since that bug was fixed, so values never
 * silently shrink.
 */
function formatDecimalSI(nanos: bigint): string {
  const { mantissa, exponent } = decimalParts(nanos);
  const suffix = decimalSuffixFor(exponent);
  return suffix === undefined ? `${mantissa}e${exponent}` : `${mantissa}${suffix}`;
}

/** Binary only when the value is a whole number of at least 1024 units; otherwise decimal. */
function formatBinarySI(nanos: bigint): string {
  const limit = 1024n * NANOS_PER_UNIT;
  if ((nanos > -limit && nanos < limit) || nanos % NANOS_PER_UNIT !== 0n) return formatDecimalSI(nanos);
  let mantissa = nanos / NANOS_PER_UNIT;
  let power = 0;
  while (mantissa % 1024n === 0n) {
    mantissa /= 1024n;
    power++;
  }
  if (power === 0) return `${mantissa}`;
  const suffix = binarySuffixFor(power);
  // Past Ei there is no binary suffix; decimal keeps the value exact.
  return suffix === undefined ? formatDecimalSI(nanos) : `${mantissa}${suffix}`;
}

/** The canonical text of a quantity (or the original text, when upstream would keep it). */
export function formatQuantity(q: Quantity): string {
  if (q.text !== undefined) return q.text;
  if (q.nanos === 0n) return '0';
  switch (q.format) {
    case 'BinarySI':
      return formatBinarySI(q.nanos);
    case 'DecimalExponent':
      return formatDecimalExponent(q.nanos);
    default:
      return formatDecimalSI(q.nanos);
  }
}
