/** Pod template comparison as kubectl's rollback does it (equalIgnoreHash over apiequality.Semantic.DeepEqual). */

/** The label the deployment controller adds to its ReplicaSets' templates (appsv1.DefaultDeploymentUniqueLabelKey). */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** A pod template's parts this module touches. */
export interface TemplateLike {
  metadata?: { labels?: Record<string, string>; [key: string]: unknown };
  [key: string]: unknown;
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v as object).length === 0;
}

/** Deep equality where missing, null, empty maps and empty lists are alike (Semantic.DeepEqual on decoded structs). */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    return [...new Set([...Object.keys(ra), ...Object.keys(rb)])].every((k) => semanticEqual(ra[k], rb[k]));
  }
  return a === b;
}

/** A copy of the template without the pod-template-hash label. */
export function withoutHashLabel<T extends TemplateLike>(template: T | undefined): T {
  const copy = structuredClone(template ?? ({} as T));
  if (copy.metadata?.labels) {
    const { [POD_TEMPLATE_HASH_LABEL]: _hash, ...labels } = copy.metadata.labels;
    copy.metadata.labels = labels;
  }
  return copy;
}

/** True when the templates are equal apart from their pod-template-hash labels. */
export function equalIgnoreHash(a: TemplateLike | undefined, b: TemplateLike | undefined): boolean {
  return semanticEqual(withoutHashLabel(a), withoutHashLabel(b));
}
