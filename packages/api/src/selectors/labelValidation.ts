/**
 * Label key and value errors as selector parsing reports them: object validation's
 * IsQualifiedName / IsValidLabelValue messages and field.Invalid rendering, as plain text
 * (selector errors are not FieldErrors on the wire).
 */
import { invalid } from '../validation/field-errors';
import { goLiteral } from '../validation/go-value';
import { fieldErrorMessage } from '../validation/messages';
import { isQualifiedName, isValidLabelValue } from '../validation/names';
import { goQuote } from './goFormat';

/** field.Invalid(...).Error(): `<path>: Invalid value: <value>: <detail>`; `shownValue` is already Go-formatted. */
export function invalidValueMessage(path: string, shownValue: string, detail: string): string {
  return fieldErrorMessage(invalid(path, goLiteral(shownValue), detail));
}

/** The field error for a bad label key at `path` (upstream prints `<nil>` for selector-string keys), or undefined. */
export function labelKeyError(key: string, path: string): string | undefined {
  const errs = isQualifiedName(key);
  return errs.length ? invalidValueMessage(path, goQuote(key), errs.join('; ')) : undefined;
}

/** The field error for a bad label value, at `<path>[<key>]`, or undefined. */
export function labelValueError(key: string, value: string, path: string): string | undefined {
  const errs = isValidLabelValue(value);
  return errs.length ? invalidValueMessage(`${path}[${key}]`, goQuote(value), errs.join('; ')) : undefined;
}
