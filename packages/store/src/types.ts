/**
 * The store contract: etcd semantics (one global revision, compare-and-swap on
 * the key's mod revision, range, watch from a revision, compaction). The SQLite
 * backend implements it; an etcd backend can implement it later. Values are
 * opaque strings (the API server stores JSON without metadata.resourceVersion:
 * the resourceVersion *is* the mod revision, set on read).
 */

export interface KeyValue {
  key: string;
  value: string;
  /** Revision of the write that created this key (since its last deletion). */
  createRevision: number;
  /** Revision of the last write to this key. */
  modRevision: number;
}

export type WatchEventType = 'PUT' | 'DELETE';

export interface WatchEvent {
  type: WatchEventType;
  /** For PUT: the new value. For DELETE: the key with the deleted value and modRevision = the delete's revision. */
  kv: KeyValue;
  /** The value before this write, when there was one. */
  prevKv?: KeyValue;
  /** Revision of this event (= kv.modRevision). */
  revision: number;
}

export interface RangeOptions {
  /** Maximum number of items; 0 or undefined = all. */
  limit?: number;
  /** Start after this key (exclusive): the continue token of the previous page. */
  startAfter?: string;
}

export interface RangeResult {
  items: KeyValue[];
  /** Store revision at which the range was read. */
  revision: number;
  /** More items exist after the last one returned. */
  more: boolean;
}

export interface Watcher {
  /** Stop delivering events; idempotent. */
  close(): void;
}

/**
 * An index over stored values for narrowing watch fan-out (kube-apiserver's
 * watch-cache trigger): the value it files a key-value under, or undefined
 * for keys it does not index. Its identity names the index, so use one shared
 * function per indexed field. It runs inside the writer's call, once per
 * event and index (on the new and on the previous value): keep it cheap and
 * pure; if it throws, the event is offered to every watcher of that index.
 */
export type WatchTriggerFunc = (kv: KeyValue) => string | undefined;

/** The index a watcher is filed under and the value it wants. */
export interface WatchTrigger {
  fn: WatchTriggerFunc;
  value: string;
}

export interface WatchOptions {
  /**
   * Deliver events with revision > afterRevision. As in etcd, a future
   * revision (> the current revision) is allowed: the watcher waits for it.
   */
  afterRevision: number;
  /**
   * Called for each event, in revision order, never concurrently and never
   * inside the writer's call stack. Treat the event as read-only (it is shared
   * between watchers). Returning a promise applies backpressure: the next event
   * waits for it, and events queued meanwhile count against the watcher's
   * buffer. A callback that throws (or rejects) drops the watcher with 'closed'.
   */
  onEvent(event: WatchEvent): void | Promise<void>;
  /**
   * Called once if the watcher is dropped (it fell behind its bounded buffer,
   * or the store closed). The watcher delivers nothing afterwards; the client
   * must re-list.
   */
  onClose?(reason: 'slow' | 'closed'): void;
  /**
   * Narrows which live events this watcher is offered to those whose new or
   * previous value the trigger files under trigger.value (so an object moving
   * onto or off that value reaches it, and a delete by its last value), live
   * and replayed alike. Only an optimization for a caller that filters by the
   * same field anyway.
   */
  trigger?: WatchTrigger;
  /**
   * Handed once, during watch(), a reader of this watcher's progress: a
   * revision R such that every event up to R this watcher is due has been
   * passed to onEvent. R can lie past the last event it got (writes under
   * other prefixes, or excluded by its trigger, count as passed), which is
   * what keeps a narrowed watcher's bookmarks fresh.
   */
  onProgressReader?(readProgress: () => number): void;
}

/** Errors carry a code so callers map them without instanceof across bundles. */
export class StoreError extends Error {
  constructor(
    readonly code: 'KeyExists' | 'NotFound' | 'Conflict' | 'Compacted' | 'FutureRevision' | 'Closed',
    message: string,
    /** For Conflict: the current value of the key; for Compacted: the compacted revision. */
    readonly current?: KeyValue,
    readonly compactedRevision?: number,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface Store {
  /** Current global revision (the revision of the last write; 0 or more when empty). */
  revision(): Promise<number>;
  /** Oldest revision that can still be watched from (events after it are retained). */
  compactedRevision(): Promise<number>;
  get(key: string): Promise<KeyValue | undefined>;
  /** Keys starting with prefix, in key order. */
  range(prefix: string, opts?: RangeOptions): Promise<RangeResult>;
  /** Count of keys starting with prefix. */
  count(prefix: string): Promise<number>;
  /** Fails with StoreError('KeyExists') if the key exists. */
  create(key: string, value: string): Promise<KeyValue>;
  /**
   * Compare-and-swap: succeeds only if the key's modRevision equals
   * expectedModRevision (StoreError 'Conflict' otherwise, 'NotFound' if absent).
   */
  update(key: string, value: string, expectedModRevision: number): Promise<KeyValue>;
  /** Deletes; with expectedModRevision set, only if it matches. Returns the deleted kv (modRevision = the delete's revision). */
  delete(key: string, expectedModRevision?: number): Promise<KeyValue>;
  /**
   * Watch keys starting with prefix. Events with revision > afterRevision are
   * replayed from history, then live events follow with no gap or duplicate.
   * Throws StoreError('Compacted') if afterRevision < compactedRevision().
   */
  watch(prefix: string, opts: WatchOptions): Promise<Watcher>;
  /**
   * Drop history up to and including revision (watchers from before it get
   * Compacted). A revision at or below compactedRevision() is a no-op; one
   * above the current revision fails with StoreError('FutureRevision').
   */
  compact(revision: number): Promise<void>;
  /** Drops every watcher with onClose('closed'), then releases the backend; later calls fail with 'Closed'. */
  close(): Promise<void>;
}
