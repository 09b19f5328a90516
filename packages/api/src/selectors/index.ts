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
// Go's string formatting. strconv.Quote is exported as `strconvQuote` because the name `goQuote` is
// taken in @mk/api by schema/unknown-fields.ts (a narrower copy that should re-export this one).
export { goQuote as strconvQuote, goStringSlice, byteLength, compareBytes } from './goFormat';
