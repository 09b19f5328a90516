/**
 * A LIST of an informer's target in pages (client-go's ListPager): `limit`
 * and `continue` keep each response small; if a continue token has expired
 * (410) the pager falls back to one unpaged list, as client-go does.
 */
import type { KObject } from '@mk/api';
import { isApiError } from '../api-error';
import type { ApiClient } from '../types';
import type { InformerTarget } from './types';

/** client-go's default page size. */
export const DEFAULT_PAGE_SIZE = 500;

/** Every object of a target, and the resourceVersion to watch from. */
export interface ListResult {
  items: KObject[];
  /** The resourceVersion to watch from: the list's, taken from its first page. */
  resourceVersion: string;
}

interface ListBody {
  apiVersion?: string;
  kind?: string;
  metadata?: { resourceVersion?: string; continue?: string };
  items?: KObject[];
}

/** Lists every object of the target; items carry apiVersion and kind like watch events do. */
export async function listAll(client: ApiClient, target: InformerTarget, opts: { pageSize?: number; signal?: AbortSignal } = {}): Promise<ListResult> {
  const path = collectionPath(client, target);
  const selectors = selectorQuery(target);
  const pageSize = opts.pageSize ?? DEFAULT_PAGE_SIZE;
  const items: KObject[] = [];
  let resourceVersion = '';
  let cont: string | undefined;
  do {
    let page: ListBody;
    try {
      page = await client.request<ListBody>('GET', path, { query: { ...selectors, limit: pageSize, continue: cont }, signal: opts.signal });
    } catch (err) {
      if (cont === undefined || !isExpired(err)) throw err;
      const full = await client.request<ListBody>('GET', path, { query: selectors, signal: opts.signal });
      return { items: withTypeMeta(full), resourceVersion: full.metadata?.resourceVersion ?? '' };
    }
    if (cont === undefined) resourceVersion = page.metadata?.resourceVersion ?? '';
    items.push(...withTypeMeta(page));
    cont = page.metadata?.continue || undefined;
  } while (cont);
  return { items, resourceVersion };
}

/** The URL path of the target's collection (all namespaces when target.namespace is unset). */
export function collectionPath(client: ApiClient, target: InformerTarget): string {
  return client.path({ group: target.group, version: target.version, plural: target.plural, namespace: target.namespace });
}

/** The target's label and field selectors as query parameters. */
export function selectorQuery(target: InformerTarget): Record<string, string | undefined> {
  return { labelSelector: target.labelSelector || undefined, fieldSelector: target.fieldSelector || undefined };
}

/** True for 410 Gone/Expired: the resourceVersion or continue token is too old. */
export function isExpired(err: unknown): boolean {
  return isApiError(err) && err.code === 410;
}

/**
 * Built-in types' list items come without apiVersion and kind (as upstream
 * serves them), while watch events carry them; filling them in keeps every
 * cached object alike, so e.g. an event recorder can reference it.
 */
function withTypeMeta(list: ListBody): KObject[] {
  const items = list.items ?? [];
  const kind = list.kind?.endsWith('List') ? list.kind.slice(0, -'List'.length) : undefined;
  if (!kind || !list.apiVersion) return items;
  return items.map((o) => (o.kind && o.apiVersion ? o : { apiVersion: list.apiVersion, kind, ...o }));
}
