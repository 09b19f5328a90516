/** IntOrString fields of rolling updates and PDBs (ValidatePositiveIntOrPercent, IsNotMoreThan100Percent). */
import type { FieldError } from '../../registry/types';
import { invalid, validateNonnegative } from '../field-errors';
import { goIntOrString } from '../go-value';
import { isValidPercent } from '../names';

/** ValidatePositiveIntOrPercent. */
export function validatePositiveIntOrPercent(v: unknown, field: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(field, goIntOrString(v), m));
  if (typeof v === 'number') return validateNonnegative(v, field);
  return [invalid(field, goIntOrString(v), "must be an integer or percentage (e.g '5%')")];
}

function percentValue(v: unknown): number | undefined {
  return typeof v === 'string' && isValidPercent(v).length === 0 ? Number(v.slice(0, -1)) : undefined;
}

/** getIntOrPercentValue: the number, or the percentage's number. */
export function intOrPercentValue(v: unknown): number {
  const p = percentValue(v);
  if (p !== undefined) return p;
  if (typeof v === 'number') return v;
  // intstr.IntValue() of a non-numeric string is 0.
  const n = typeof v === 'string' ? Number.parseInt(v, 10) : 0;
  return Number.isNaN(n) ? 0 : n;
}

/** IsNotMoreThan100Percent. */
export function validateNotMoreThan100Percent(v: unknown, field: string): FieldError[] {
  const p = percentValue(v);
  return p !== undefined && p > 100 ? [invalid(field, goIntOrString(v), 'must not be greater than 100%')] : [];
}
