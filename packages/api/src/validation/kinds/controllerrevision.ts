/** ControllerRevision validation: data is mandatory and, like revision, fixed once written. */
import type { FieldError, KObject } from '../../registry/types';
import { required, validateNonnegative } from '../field-errors';
import { goStruct } from '../go-value';
import { validateImmutable } from '../immutable';

/** ValidateControllerRevision / ValidateControllerRevisionUpdate. */
export function validateControllerRevision(cr: KObject, old?: KObject): FieldError[] {
  const errs: FieldError[] = [];
  if (cr.data === undefined || cr.data === null) errs.push(required('data', 'data is mandatory'));
  errs.push(...validateNonnegative(cr.revision, 'revision'));
  if (old) errs.push(...validateImmutable(cr.data, old.data, 'data', goStruct('runtime.RawExtension', cr.data)));
  return errs;
}
