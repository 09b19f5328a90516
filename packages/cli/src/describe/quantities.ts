/**
 * Lenient reading of resource quantities from API objects, on top of @mk/api's exact
 * Quantity: describe prints what it can and treats unparsable or missing values as zero,
 * and --sort-by compares strings as quantities only when both parse.
 */
import { formatQuantity, parseQuantity, type Quantity } from '@mk/api';

/** The zero Quantity{} (prints as "0"). */
export const ZERO_QUANTITY: Quantity = { nanos: 0n, format: 'DecimalSI' };

/** Parses a quantity, or undefined when the text is not one. */
export function tryParseQuantity(text: string): Quantity | undefined {
  try {
    return parseQuantity(text);
  } catch {
    return undefined;
  }
}

/** A resource-list value as a quantity; missing or unparsable values count as zero. */
export function quantityOf(value: unknown): Quantity {
  const q = typeof value === 'string' ? tryParseQuantity(value) : typeof value === 'number' ? tryParseQuantity(String(value)) : undefined;
  return q ?? ZERO_QUANTITY;
}

/** Quantity.String() of a stored value; text that is not a quantity is shown as is. */
export function canonicalQuantity(value: unknown): string {
  const q = typeof value === 'string' ? tryParseQuantity(value) : typeof value === 'number' ? tryParseQuantity(String(value)) : undefined;
  return q ? formatQuantity(q) : String(value ?? '');
}
