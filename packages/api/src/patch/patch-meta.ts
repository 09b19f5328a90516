/**
 * Patch metadata: per field, how strategic merge patch (the Go struct tags `patchStrategy`,
 * `patchMergeKey`) and server-side apply (`x-kubernetes-list-type`, `-list-map-keys`,
 * `-map-type`) treat it. A field without metadata is a plain field: its lists are atomic
 * (replaced whole) and its maps are merged key by key.
 */

/** How one field is patched. Every property is optional; `{}` means "plain field". */
export interface FieldMeta {
  /**
   * Strategic merge patch strategy. `merge` on a list merges elements by `mergeKey`
   * (or, without a key, as a set of primitives); `replace` on a map replaces it whole.
   */
  readonly patchStrategy?: 'merge' | 'replace';
  /** The `patchMergeKey` of a merge list of objects. */
  readonly mergeKey?: string;
  /** The `retainKeys` strategy: a `$retainKeys` directive clears every key it does not list. */
  readonly retainKeys?: boolean;
  /** Server-side apply list type, when it differs from what `patchStrategy` implies. */
  readonly listType?: 'atomic' | 'set' | 'map';
  /** Server-side apply list-map keys, when they differ from `[mergeKey]`. */
  readonly listMapKeys?: readonly string[];
  /** Values the API server defaults for list-map keys an item may omit (e.g. `protocol: TCP`). */
  readonly keyDefaults?: Readonly<Record<string, unknown>>;
  /** Server-side apply treats this map or struct as one value (`mapType`/`structType=atomic`). */
  readonly atomic?: boolean;
  /** Metadata of this struct's fields. */
  readonly fields?: Readonly<Record<string, FieldMeta>>;
  /** Metadata of each element of this list. */
  readonly items?: FieldMeta;
}

/** The metadata of a whole object (its root struct). */
export type PatchMeta = FieldMeta;

/** Metadata of nothing: every list atomic, every map merged. */
export const PLAIN_FIELD: FieldMeta = Object.freeze({});

/** Metadata of field `key` of the struct described by `meta` (plain when unknown). */
export function fieldMeta(meta: FieldMeta | undefined, key: string): FieldMeta {
  return meta?.fields?.[key] ?? PLAIN_FIELD;
}

/** Metadata of the elements of the list described by `meta` (plain when unknown). */
export function itemMeta(meta: FieldMeta | undefined): FieldMeta {
  return meta?.items ?? PLAIN_FIELD;
}

/** How server-side apply treats a list: atomic, a set of primitives, or a map keyed by `keys`. */
export type ApplyListKind = { type: 'atomic' } | { type: 'set' } | { type: 'map'; keys: readonly string[] };

/** Server-side apply list semantics of the list field described by `meta`. */
export function applyListKind(meta: FieldMeta): ApplyListKind {
  const keys = meta.listMapKeys ?? (meta.mergeKey ? [meta.mergeKey] : []);
  const type = meta.listType ?? (meta.patchStrategy === 'merge' ? (keys.length > 0 ? 'map' : 'set') : 'atomic');
  if (type === 'map') return { type, keys };
  return { type };
}
