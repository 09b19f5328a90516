/**
 * FieldErrors as upstream prints them: the cause message (ErrorBody), the
 * `field: body` line, and the 422 Invalid Status message
 * (`Deployment.apps "web" is invalid: [a: x, b: y]`).
 */
import type { FieldError, FieldErrorType, KindInfo } from '../registry/types';
import { goQuote, renderBadValue } from './go-value';

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTypeInvalid: 'Invalid value',
  FieldValueNotFound: 'Not found',
};

// Upstream omits the bad value for these types.
const VALUELESS = new Set<FieldErrorType>(['FieldValueRequired', 'FieldValueForbidden', 'FieldValueTooLong']);

function detailOf(e: FieldError): string {
  if (e.detail) return e.detail;
  if (e.type === 'FieldValueNotSupported' && e.supported && e.supported.length > 0) {
    return `supported values: ${e.supported.map(goQuote).join(', ')}`;
  }
  return '';
}

/** field.Error.ErrorBody: the message without the field (`Invalid value: "Foo": ...`). */
export function fieldErrorBody(e: FieldError): string {
  const typeText = TYPE_TEXT[e.type] ?? `<unknown error ${goQuote(e.type)}>`;
  let s = VALUELESS.has(e.type) ? typeText : `${typeText}: ${renderBadValue(e.value)}`;
  const detail = detailOf(e);
  if (detail) s += `: ${detail}`;
  return s;
}

/** field.Error.Error: `spec.containers[0].image: Required value`. */
export function fieldErrorMessage(e: FieldError): string {
  return `${e.field}: ${fieldErrorBody(e)}`;
}

/** A metav1.StatusCause for a 422 Invalid Status. */
export interface StatusCause {
  reason: string;
  message: string;
  field: string;
}

/** The Status cause for one error: `{reason: type, message: body, field}`. */
export function fieldErrorCause(e: FieldError): StatusCause {
  return { reason: e.type, message: fieldErrorBody(e), field: e.field };
}

/** GroupKind.String(): `Pod`, `Deployment.apps`. */
export function qualifiedKind(info: Pick<KindInfo, 'kind' | 'group'>): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}

/** utilerrors.Aggregate's message: one error bare, several deduplicated (first kept) inside `[a, b]`. */
export function aggregateText(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

/** The aggregate error text of FieldErrors: one message bare, several deduplicated in `[a, b]`. */
export function aggregateMessage(errors: readonly FieldError[]): string {
  return aggregateText(errors.map(fieldErrorMessage));
}

/** errors.NewInvalid's message: `Pod "web-3" is invalid: spec.containers[0].image: Required value`. */
export function invalidMessage(info: Pick<KindInfo, 'kind' | 'group'>, name: string, errors: readonly FieldError[]): string {
  const prefix = `${qualifiedKind(info)} ${goQuote(name)} is invalid`;
  return errors.length === 0 ? prefix : `${prefix}: ${aggregateMessage(errors)}`;
}

/** The whole 422 Status errors.NewInvalid builds. */
export function invalidStatus(info: Pick<KindInfo, 'kind' | 'group'>, name: string, errors: readonly FieldError[]) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: invalidMessage(info, name, errors),
    reason: 'Invalid',
    details: {
      name,
      ...(info.group ? { group: info.group } : {}),
      kind: info.kind,
      causes: errors.map(fieldErrorCause),
    },
    code: 422,
  };
}
