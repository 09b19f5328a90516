/**
 * Constructors for FieldErrors, mirroring apimachinery's field.Required,
 * field.Invalid, ... so validators read like upstream's, and field-path
 * helpers that render `a.b[0][key]` as field.Path.String() does.
 */
import type { FieldError } from '../registry/types';

/** `base.name` (or `name` at the root). */
export function child(base: string, ...names: string[]): string {
  let out = base;
  for (const n of names) out = out ? `${out}.${n}` : n;
  return out;
}

/** `base[i]`. */
export function index(base: string, i: number): string {
  return `${base}[${i}]`;
}

/** `base[key]`, upstream's map subscript (no quoting). */
export function key(base: string, k: string): string {
  return `${base}[${k}]`;
}

/** field.Required. */
export function required(field: string, detail = ''): FieldError {
  return { type: 'FieldValueRequired', field, detail };
}

/** field.Invalid. */
export function invalid(field: string, value: unknown, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, value, detail };
}

/** field.NotSupported; the message lists `supported` quoted, in the order given. */
export function notSupported(field: string, value: unknown, supported: readonly string[]): FieldError {
  return { type: 'FieldValueNotSupported', field, value, supported: [...supported] };
}

/** field.Duplicate. */
export function duplicate(field: string, value: unknown): FieldError {
  return { type: 'FieldValueDuplicate', field, value };
}

/** field.Forbidden. */
export function forbidden(field: string, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field, detail };
}

/** field.NotFound. */
export function notFound(field: string, value: unknown): FieldError {
  return { type: 'FieldValueNotFound', field, value };
}

/** field.TooLong as of 1.32: the value is never shown, only the byte limit. */
export function tooLong(field: string, maxBytes: number): FieldError {
  return { type: 'FieldValueTooLong', field, detail: maxBytes >= 0 ? `may not be more than ${maxBytes} bytes` : 'value is too long' };
}

/** Upstream's messages for the common numeric rules. */
export const IS_NEGATIVE_MSG = 'must be greater than or equal to 0';
/** apimachinery's FieldImmutableErrorMsg. */
export const FIELD_IMMUTABLE_MSG = 'field is immutable';

/** ValidateNonnegativeField. */
export function validateNonnegative(value: unknown, field: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalid(field, value, IS_NEGATIVE_MSG)] : [];
}
