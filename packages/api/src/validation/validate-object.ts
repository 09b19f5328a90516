/** Whole-object validation in upstream's order: metadata first, then the kind's own rules. */
import type { FieldError, KindInfo, KObject } from '../registry/types';
import { validateObjectMeta, validateObjectMetaUpdate } from './metadata';

/**
 * Create (old absent): ValidateObjectMeta in the kind's name format, then
 * info.validate. Update: ValidateObjectMetaUpdate against the stored object
 * (it expects metadata.resourceVersion to be filled in), then info.validate.
 */
export function validateObject(info: KindInfo, obj: KObject, old?: KObject): FieldError[] {
  const meta = old
    ? validateObjectMetaUpdate(obj.metadata ?? {}, old.metadata ?? {})
    : validateObjectMeta(obj.metadata ?? {}, { namespaced: info.namespaced, nameFormat: info.nameFormat, isCreate: true });
  return [...meta, ...info.validate(obj, old)];
}
