/** ValidateImmutableField: `<field>: Invalid value: <new>: field is immutable` when the value changed. */
import type { FieldError } from '../registry/types';
import { deepEqual } from './deep-equal';
import { invalid, FIELD_IMMUTABLE_MSG } from './field-errors';

/** `shown` is what the message prints for the new value (a GoLiteral for structs); the raw new value by default. */
export function validateImmutable(next: unknown, old: unknown, field: string, shown: unknown = next): FieldError[] {
  return deepEqual(next, old) ? [] : [invalid(field, shown, FIELD_IMMUTABLE_MSG)];
}
