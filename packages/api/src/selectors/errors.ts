/** The error thrown for an unparsable or invalid selector; `message` is upstream's text. */
export class SelectorError extends Error {
  override name = 'SelectorError';
}
