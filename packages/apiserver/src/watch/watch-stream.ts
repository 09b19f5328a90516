/**
 * A watch response: newline-delimited JSON events on a long-lived chunked
 * response. Starts with synthetic ADDED events for resourceVersion "" or "0",
 * else resumes after the given revision; 410 Expired as an ERROR event when
 * that revision has been compacted; optional BOOKMARKs; ends on timeoutSeconds,
 * on client disconnect, or when the client cannot keep up.
 */
import type { ServerResponse } from 'node:http';
import type { KObject } from '@mk/api';
import { isStoreError, type Watcher } from '@mk/store';
import { errors } from '../errors';
import type { Representation } from '../negotiation';
import { buildFilter } from '../selection';
import { collectionPrefix } from '../storage/keys';
import { parseIncludeObject, partialMetadata, toTable } from '../tables';
import { apiVersionOf, typed, type RestRequest } from '../rest/request';
import { translateEvent } from './event-filter';
import { watchTriggerFor } from './watch-trigger';


const lines = new WeakMap<KObject, Map<string, string>>();

/**
 * The watch line of a decoded (shared, read-only) object, serialized once per event type and served
 * version (two resources may share a storage prefix, as core and events.k8s.io Events do).
 */
function eventLine(info: RestRequest['info'], type: string, object: KObject): string {
  let byType = lines.get(object);
  if (!byType) lines.set(object, (byType = new Map()));
  const key = `${type} ${info.group}/${info.version}/${info.kind}`;
  let line = byType.get(key);
  if (line === undefined) byType.set(key, (line = JSON.stringify({ type, object: typed(info, object) }) + '\n'));
  return line;
}

export async function serveWatch(req: RestRequest, rep: Representation, res: ServerResponse): Promise<void> {
  const { info, ctx, query } = req;
  const filter = buildFilter(info, query.labelSelector, query.fieldSelector);
  const nameFilter = req.name;
  const matches = (o: KObject) => (!nameFilter || o.metadata?.name === nameFilter) && (!filter || filter(o));
  const include = parseIncludeObject(query.includeObject);
  const rv = query.resourceVersion ?? '';
  if (rv !== '' && !/^\d+$/.test(rv)) throw errors.badRequest(`invalid resource version: ${rv}`);

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  let closed = false;
  let watcher: Watcher | undefined;
  const timers: NodeJS.Timeout[] = [];
  const finish = () => {
    if (closed) return;
    closed = true;
    watcher?.close();
    for (const t of timers) clearTimeout(t), clearInterval(t);
    res.end();
  };
  res.on('close', finish);

  let columnsSent = false;
  /**
   * The line for one event. Tables and metadata are per watcher; a plain object from the store's fan-out
   * (`shared`) is serialized once for every watcher of the kind.
   */
  const lineFor = (type: string, object: KObject, shared = false): string => {
    if (rep === 'table') {
      const t = toTable(info, [object], { resourceVersion: object.metadata!.resourceVersion! }, ctx.now(), include, !columnsSent);
      columnsSent = true;
      return JSON.stringify({ type, object: t }) + '\n';
    }
    if (rep === 'metadata') return JSON.stringify({ type, object: partialMetadata(object) }) + '\n';
    return shared ? eventLine(info, type, object) : JSON.stringify({ type, object: typed(info, object) }) + '\n';
  };
  let lastRevision = 0;
  // How far the store has brought this watcher, events it was not offered included (see bookmarkRevision).
  let readProgress = () => lastRevision;
  /** Returns false when the socket buffer is full: the caller waits for 'drain'. */
  const send = (line: string): boolean => (closed ? true : res.write(line));
  // Waiting for drain holds back this watcher's next event; the store drops a watcher that falls
  // too far behind, and the client re-lists — as upstream drops slow watchers.
  const drained = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });

  let after: number;
  if (rv === '' || rv === '0') {
    const page = await ctx.resources.list(info, req.namespace, { filter: matches });
    for (const o of page.items) send(lineFor('ADDED', o));
    after = page.revision;
  } else {
    after = Number(rv);
  }
  lastRevision = after;

  try {
    watcher = await ctx.store.watch(collectionPrefix(info, req.namespace), {
      afterRevision: after,
      trigger: watchTriggerFor(info, query.fieldSelector),
      onProgressReader: (read) => (readProgress = read),
      onEvent: (ev) => {
        lastRevision = ev.revision;
        const out = translateEvent(ev, matches);
        if (out && !send(lineFor(out.type, out.object, true))) return drained();
      },
      onClose: () => finish(),
    });
  } catch (e) {
    if (isStoreError(e, 'Compacted')) {
      const status = errors.expired(`too old resource version: ${after} (${e.compactedRevision ?? ''})`).toStatus();
      send(JSON.stringify({ type: 'ERROR', object: status }) + '\n');
      finish();
      return;
    }
    throw e;
  }
  if (closed) watcher.close();

  /**
   * A bookmark's resourceVersion: the store's progress for this watcher, which passes the last event
   * sent when later writes did not concern it. A watcher narrowed by a trigger hears of few writes;
   * without this its bookmarks would go stale and a resumed watch replay (or find compacted) all since.
   */
  const bookmarkRevision = () => Math.max(lastRevision, readProgress());
  if (query.allowWatchBookmarks === 'true') {
    timers.push(
      setInterval(() => send(JSON.stringify({ type: 'BOOKMARK', object: { kind: info.kind, apiVersion: apiVersionOf(info), metadata: { resourceVersion: String(bookmarkRevision()) } } }) + '\n'), ctx.bookmarkIntervalMs).unref(),
    );
  }
  const timeout = Number(query.timeoutSeconds ?? 0);
  if (timeout > 0) timers.push(setTimeout(finish, timeout * 1000).unref());
}
