/** Label and field selectors (apimachinery pkg/labels, pkg/fields, metav1 LabelSelector helpers). */
export { SelectorError } from './errors';
export type { LabelOperator, LabelRequirement } from './labelRequirement';
export { newRequirement, requirementMatches, requirementToString } from './labelRequirement';
export type { LabelSelector, LabelSelectorSpec } from './labelSelector';
export {
  everythingSelector,
  nothingSelector,
  parseLabelSelector,
  labelSelectorFromSet,
  labelSelectorFromSpec,
  matchesLabels,
  isEverythingSelector,
  labelSelectorToString,
  formatLabelSelector,
  formatLabels,
} from './labelSelector';
export type { FieldRequirement, FieldSelector } from './fieldSelector';
export {
  parseFieldSelector,
  matchesFields,
  fieldSelectorRequiresExactMatch,
  fieldSelectorToString,
  escapeFieldValue,
  unescapeFieldValue,
  fieldLabelNotSupportedMessage,
  unknownFieldSelectorMessage,
} from './fieldSelector';
export { labelValueErrors, qualifiedNameErrors } from './labelValidation';
