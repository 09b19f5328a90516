/**
 * Kubernetes resource quantities (apimachinery api/resource.Quantity) held as
 * an exact count of nano-units in a bigint. Upstream rounds every parsed value
 * up (away from zero) to 10^-9, so nanos lose nothing that upstream keeps;
 * bigint keeps sums and comparisons exact at any magnitude.
 */

/** How a quantity prints: `1Gi` (BinarySI), `1G` / `500m` (DecimalSI), `1e9` (DecimalExponent). */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** An exact quantity. */
export interface Quantity {
  /** The value in units of 10^-9 (e.g. `100m` is 100_000_000n). */
  nanos: bigint;
  /** The suffix family it was written in, kept for printing. */
  format: QuantityFormat;
  /** The original text, kept only when upstream keeps it (already canonical); printed verbatim. */
  text?: string;
}

/** Thrown for text that is not a quantity; messages are upstream's. */
export class QuantityError extends Error {
  override name = 'QuantityError';
}

/** The pattern quantities must match, quoted verbatim in upstream's error. */
export const QUANTITY_PATTERN = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
/** ErrFormatWrong. */
export const QUANTITY_FORMAT_ERROR = `quantities must match the regular expression '${QUANTITY_PATTERN}'`;
/** ErrNumeric. */
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';
/** ErrSuffix. */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

/** Nanos per unit. */
export const NANOS_PER_UNIT = 1_000_000_000n;
