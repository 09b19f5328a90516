/** Runs generic metadata validation and the kind's own validation; failures are one 422 Invalid Status. */
import { validateObject, validateObjectMetaUpdate, fieldErrorCause, invalidMessage, type FieldError, type KindInfo, type KObject } from '@mk/api';
import { errors } from '../errors';

export function validateOrThrow(info: KindInfo, obj: KObject, old?: KObject): void {
  const errs: FieldError[] = [...validateObject(info, obj, old), ...(old ? validateObjectMetaUpdate(obj.metadata ?? {}, old.metadata ?? {}) : [])];
  if (errs.length === 0) return;
  const name = obj.metadata?.name ?? obj.metadata?.generateName ?? '';
  throw errors.invalid(info.kind, info.group, name, invalidMessage(info, name, errs), errs.map(fieldErrorCause));
}
