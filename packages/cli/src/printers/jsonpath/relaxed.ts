/**
 * kubectl's RelaxedJSONPathExpression: custom columns and --sort-by accept `metadata.name`,
 * `.metadata.name`, `{metadata.name}` or `{.metadata.name}` and normalise to `{.metadata.name}`.
 */

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** Normalises a field spec; throws kubectl's error for anything else. */
export function relaxedJsonPath(expression: string): string {
  if (expression === '') return expression;
  const m = RELAXED.exec(expression);
  if (!m) {
    throw new Error("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  }
  return `{.${m[1] || m[2]}}`;
}
