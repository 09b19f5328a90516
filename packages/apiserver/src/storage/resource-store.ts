/**
 * Typed access to the key-value store for one kind: keys, codec, and the
 * mapping of store errors onto Kubernetes Status errors.
 */
import type { KindInfo, KObject } from '@mk/api';
import { isStoreError, type Store, type KeyValue } from '@mk/store';
import { errors } from '../errors';
import { encodeObject, decodeObject, listItem, listItemJson } from './codec';
import { objectKey, collectionPrefix } from './keys';

export interface Stored {
  obj: KObject;
  modRevision: number;
}

export interface ListPage {
  items: KObject[];
  revision: number;
  /** Key of the last item examined when more remain (the continue position). */
  nextKey?: string;
}

const resourceOf = (info: KindInfo) => ({ group: info.group, plural: info.plural });

export class ResourceStore {
  constructor(readonly store: Store) {}

  async get(info: KindInfo, namespace: string | undefined, name: string): Promise<Stored> {
    const kv = await this.store.get(objectKey(info, namespace, name));
    if (!kv) throw errors.notFound(resourceOf(info), name);
    return { obj: decodeObject(kv), modRevision: kv.modRevision };
  }

  async tryGet(info: KindInfo, namespace: string | undefined, name: string): Promise<Stored | undefined> {
    const kv = await this.store.get(objectKey(info, namespace, name));
    return kv ? { obj: decodeObject(kv), modRevision: kv.modRevision } : undefined;
  }

  /**
   * Lists a collection, keeping objects that pass `filter`, until `limit`
   * matches are found (0 = all). Selector filtering happens here, not in the
   * store, so a page may examine more keys than it returns.
   */
  async list(info: KindInfo, namespace: string | undefined, opts: { filter?: (o: KObject) => boolean; limit?: number; startAfter?: string }): Promise<ListPage> {
    const prefix = collectionPrefix(info, namespace);
    const limit = opts.limit ?? 0;
    const items: KObject[] = [];
    let startAfter = opts.startAfter;
    let revision = 0;
    const batch = limit > 0 ? Math.max(limit, 100) : 0;
    for (;;) {
      const page = await this.store.range(prefix, { limit: batch, startAfter });
      if (revision === 0) revision = page.revision;
      for (let i = 0; i < page.items.length; i++) {
        const kv = page.items[i];
        const obj = decodeObject(kv);
        if (opts.filter && !opts.filter(obj)) continue;
        items.push(obj);
        if (limit > 0 && items.length === limit) {
          const more = i < page.items.length - 1 || page.more;
          return { items, revision, nextKey: more ? kv.key : undefined };
        }
      }
      if (!page.more || page.items.length === 0) return { items, revision };
      startAfter = page.items[page.items.length - 1].key;
    }
  }

  /**
   * A whole collection as list-item JSON strings, for a list without selectors:
   * stored values are handed out as they are (see listItemJson), so listing
   * 10,000 pods neither parses nor re-serializes them.
   */
  async listJson(info: KindInfo, namespace: string | undefined): Promise<{ items: string[]; revision: number }> {
    const prefix = collectionPrefix(info, namespace);
    const items: string[] = [];
    let startAfter: string | undefined;
    let revision = 0;
    for (;;) {
      const page = await this.store.range(prefix, { limit: 0, startAfter });
      if (revision === 0) revision = page.revision;
      for (const kv of page.items) items.push(listItemJson(kv) ?? JSON.stringify(listItem(decodeObject(kv))));
      if (!page.more || page.items.length === 0) return { items, revision };
      startAfter = page.items[page.items.length - 1].key;
    }
  }

  async create(info: KindInfo, obj: KObject): Promise<KObject> {
    const meta = obj.metadata!;
    try {
      const kv = await this.store.create(objectKey(info, meta.namespace, meta.name!), encodeObject(obj));
      return withRevision(obj, kv);
    } catch (e) {
      if (isStoreError(e, 'KeyExists')) throw errors.alreadyExists(resourceOf(info), meta.name!);
      throw e;
    }
  }

  async update(info: KindInfo, obj: KObject, expectedModRevision: number): Promise<KObject> {
    const meta = obj.metadata!;
    try {
      const kv = await this.store.update(objectKey(info, meta.namespace, meta.name!), encodeObject(obj), expectedModRevision);
      return withRevision(obj, kv);
    } catch (e) {
      throw mapWriteError(e, info, meta.name!);
    }
  }

  async remove(info: KindInfo, namespace: string | undefined, name: string, expectedModRevision?: number): Promise<KObject> {
    try {
      const kv = await this.store.delete(objectKey(info, namespace, name), expectedModRevision);
      return decodeObject(kv);
    } catch (e) {
      throw mapWriteError(e, info, name);
    }
  }
}

function withRevision(obj: KObject, kv: KeyValue): KObject {
  return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(kv.modRevision) } };
}

function mapWriteError(e: unknown, info: KindInfo, name: string): unknown {
  if (isStoreError(e)) {
    if (e.code === 'Conflict') return errors.conflict(resourceOf(info), name);
    if (e.code === 'NotFound') return errors.notFound(resourceOf(info), name);
  }
  return e;
}
