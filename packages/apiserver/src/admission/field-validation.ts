/**
 * Server-side field validation (the fieldValidation query parameter): Strict
 * rejects unknown fields with 400, Warn (the default) reports them as Warning
 * headers, Ignore drops them silently.
 */
import { unknownFields, strictDecodingErrors, strictDecodingBadRequestMessage, type KindInfo, type KObject } from '@mk/api';
import { errors } from '../errors';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export function parseFieldValidation(v: unknown): FieldValidation {
  if (v === undefined || v === '' || v === 'Warn') return 'Warn';
  if (v === 'Strict' || v === 'Ignore') return v;
  throw errors.badRequest(`fieldValidation parameter unsupported: ${String(v)}. Valid values are Strict, Warn, Ignore.`);
}

/** Returns warnings to send (Warn), throws for Strict, nothing for Ignore. */
export function checkFields(info: KindInfo, obj: KObject, mode: FieldValidation): string[] {
  if (mode === 'Ignore') return [];
  const unknown = unknownFields(info.group, info.version, info.kind, obj);
  if (unknown.length === 0) return [];
  if (mode === 'Strict') throw errors.badRequest(strictDecodingBadRequestMessage(info.kind, info.version, unknown));
  return strictDecodingErrors(unknown);
}
