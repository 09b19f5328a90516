/** Comparing, summing and converting quantities, exactly (bigint nanos). */
import { NANOS_PER_UNIT, type Quantity, type QuantityFormat } from './quantity';
import { parseQuantity } from './parseQuantity';

const NANOS_PER_MILLI = 1_000_000n;

function asQuantity(q: Quantity | string): Quantity {
  return typeof q === 'string' ? parseQuantity(q) : q;
}

/** ceil(n / d) for positive d, for either sign of n. */
function ceilDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d > 0n ? q + 1n : q;
}

/** Quantity.Cmp: -1, 0 or 1. */
export function compareQuantities(a: Quantity | string, b: Quantity | string): -1 | 0 | 1 {
  const x = asQuantity(a).nanos;
  const y = asQuantity(b).nanos;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Quantity.Add: the sum keeps the left format, or the right one when the left is zero. */
export function addQuantities(a: Quantity | string, b: Quantity | string): Quantity {
  const x = asQuantity(a);
  const y = asQuantity(b);
  return { nanos: x.nanos + y.nanos, format: x.nanos === 0n ? y.format : x.format };
}

/** Quantity.Sub, with Add's format rule. */
export function subtractQuantities(a: Quantity | string, b: Quantity | string): Quantity {
  const x = asQuantity(a);
  const y = asQuantity(b);
  return { nanos: x.nanos - y.nanos, format: x.nanos === 0n ? y.format : x.format };
}

/** Quantity.MilliValue: the value in thousandths, rounded up (`100m` CPU → 100n, `1` → 1000n, `1n` → 1n). */
export function quantityToMillis(q: Quantity | string): bigint {
  return ceilDiv(asQuantity(q).nanos, NANOS_PER_MILLI);
}

/** Quantity.Value: the value in whole units, rounded up (`1Gi` → 1073741824n, `1500m` → 2n). */
export function quantityValue(q: Quantity | string): bigint {
  return ceilDiv(asQuantity(q).nanos, NANOS_PER_UNIT);
}

/** resource.NewMilliQuantity. */
export function quantityFromMillis(millis: bigint | number, format: QuantityFormat = 'DecimalSI'): Quantity {
  return { nanos: BigInt(millis) * NANOS_PER_MILLI, format };
}

/** resource.NewQuantity (whole units). */
export function quantityFromUnits(units: bigint | number, format: QuantityFormat = 'DecimalSI'): Quantity {
  return { nanos: BigInt(units) * NANOS_PER_UNIT, format };
}
