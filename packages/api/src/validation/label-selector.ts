/**
 * metav1.LabelSelector validation (apis/meta/v1/validation) and the
 * LabelSelectorAsSelector matching workloads use to check their template.
 */
import type { FieldError } from '../registry/types';
import { labelSelectorFromSpec, matchesLabels, isEverythingSelector, type LabelSelectorSpec } from '../selectors';
import { child, forbidden, index, invalid, required } from './field-errors';
import { arr, optObj, str } from './json-access';
import { validateLabels } from './metadata';
import { isQualifiedName, isValidLabelValue } from './names';

/** ValidateLabelSelector; a missing selector has nothing to validate. */
export function validateLabelSelector(selector: unknown, field: string): FieldError[] {
  const sel = optObj(selector);
  if (!sel) return [];
  const errs = validateLabels(optObj(sel.matchLabels) as Record<string, string> | undefined, child(field, 'matchLabels'));
  arr(sel.matchExpressions).forEach((e, i) => {
    const expr = optObj(e) ?? {};
    const path = index(child(field, 'matchExpressions'), i);
    const values = arr(expr.values);
    const op = str(expr.operator);
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) errs.push(required(child(path, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbidden(child(path, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(invalid(child(path, 'operator'), op, 'not a valid selector operator'));
    }
    for (const m of isQualifiedName(str(expr.key))) errs.push(invalid(child(path, 'key'), str(expr.key), m));
    values.forEach((v, vi) => {
      for (const m of isValidLabelValue(str(v))) errs.push(invalid(index(child(path, 'values'), vi), str(v), m));
    });
  });
  return errs;
}

/** The outcome of LabelSelectorAsSelector: `invalid` when the selector cannot be converted. */
export type SelectorCheck = { invalid: true } | { invalid: false; empty: boolean; matches: (labels: Record<string, string> | undefined) => boolean };

/** LabelSelectorAsSelector: null selects nothing (not empty), {} everything (empty). */
export function selectorCheck(selector: unknown): SelectorCheck {
  try {
    const sel = labelSelectorFromSpec((selector ?? null) as LabelSelectorSpec | null);
    return { invalid: false, empty: isEverythingSelector(sel), matches: (labels) => matchesLabels(sel, labels ?? {}) };
  } catch {
    return { invalid: true };
  }
}
