/** Validation: FieldErrors with upstream's paths and messages, and their Status rendering. */
export { validateObjectMeta, validateObjectMetaUpdate, validateLabels, validateAnnotations, nameValidator, type ObjectMetaOptions } from './metadata';
export { validateObject } from './validate-object';
export {
  fieldErrorBody,
  fieldErrorMessage,
  fieldErrorCause,
  invalidMessage,
  invalidStatus,
  qualifiedKind,
  aggregateMessage,
  type StatusCause,
} from './messages';
export { GoLiteral, goLiteral, goLabelSelector, goStringMap, renderBadValue } from './go-value';
export {
  isDNS1123Label,
  isDNS1123Subdomain,
  isDNS1035Label,
  isQualifiedName,
  isValidLabelValue,
  isConfigMapKey,
  isValidPortName,
  isValidPathSegmentName,
} from './names';
export { cronScheduleError } from './kinds/cron-schedule';
import { duplicate, forbidden, invalid, notFound, notSupported, required, tooLong } from './field-errors';

/** field.Required, field.Invalid, ... for code outside validation that reports FieldErrors (e.g. allocation). */
export const fieldError = { required, invalid, notSupported, duplicate, forbidden, notFound, tooLong };
