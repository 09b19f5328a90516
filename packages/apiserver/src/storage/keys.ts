/**
 * Store key layout, as the real apiserver lays out etcd:
 * /registry/<group or "core">/<plural>/<namespace>/<name> for namespaced kinds,
 * /registry/<group or "core">/<plural>/<name> for cluster-scoped ones.
 */
export interface KeyTarget {
  group: string;
  plural: string;
  namespaced: boolean;
}

const root = (t: KeyTarget) => `/registry/${t.group || 'core'}/${t.plural}/`;

export function objectKey(t: KeyTarget, namespace: string | undefined, name: string): string {
  return t.namespaced ? `${root(t)}${namespace}/${name}` : `${root(t)}${name}`;
}

/** Prefix of a collection: one namespace, or every namespace when namespace is undefined. */
export function collectionPrefix(t: KeyTarget, namespace: string | undefined): string {
  return t.namespaced && namespace !== undefined ? `${root(t)}${namespace}/` : root(t);
}
