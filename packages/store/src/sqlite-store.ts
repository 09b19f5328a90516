import type Database from 'better-sqlite3';
import { compacted, futureRevision, storeClosed } from './errors';
import { openDatabase } from './schema';
import { prepareReads, type SqliteReads } from './sqlite-reads';
import { prepareWrites, type SqliteWrites } from './sqlite-writes';
import type { KeyValue, RangeOptions, RangeResult, Store, WatchEvent, WatchOptions, Watcher } from './types';
import { WatchHub } from './watch-hub';

/** Tuning for openSqliteStore; every field has a default. */
export interface SqliteStoreOptions {
  /** Live events a watcher may fall behind before it is dropped with onClose('slow'). Default 10,000. */
  watchBufferSize?: number;
  /** History rows read per watch-replay step. Default 500 (kine's poll batch). */
  replayPageSize?: number;
  /** Latest events kept in memory for watch replays. Default 65,536, holding at most 16 Mi characters of values (a bound on memory, since values are strings). */
  recentEvents?: number;
  recentEventChars?: number;
  /** Revisions removed per compaction transaction, so compaction never holds the write lock long. Default 1,000. */
  compactBatchSize?: number;
  /** How long a write waits for another connection's write lock. Default 5,000 ms. */
  busyTimeoutMs?: number;
  /** Told about exceptions thrown by watcher callbacks. Default: process.emitWarning. */
  onWatcherError?: (error: unknown) => void;
}

const DEFAULTS = { watchBufferSize: 10_000, replayPageSize: 500, recentEvents: 65_536, recentEventChars: 16 * 1024 * 1024, compactBatchSize: 1_000, busyTimeoutMs: 5_000 };

/**
 * The Store on one SQLite file (better-sqlite3, synchronous, so each method
 * runs to completion when called). Watchers are fed in process from the write
 * path; writes by other connections reach them from history (see WatchHub).
 */
export class SqliteStore implements Store {
  private readonly reads: SqliteReads;
  private readonly writes: SqliteWrites;
  private readonly hub: WatchHub;
  private readonly compactBatchSize: number;
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    opts: SqliteStoreOptions = {},
  ) {
    this.reads = prepareReads(db);
    this.writes = prepareWrites(db);
    this.compactBatchSize = opts.compactBatchSize ?? DEFAULTS.compactBatchSize;
    this.hub = new WatchHub({
      readHistory: (prefix, after, to, limit) => this.reads.history(prefix, after, to, limit),
      startRevision: this.reads.revision(),
      bufferSize: opts.watchBufferSize ?? DEFAULTS.watchBufferSize,
      replayPageSize: opts.replayPageSize ?? DEFAULTS.replayPageSize,
      recentEvents: opts.recentEvents ?? DEFAULTS.recentEvents,
      recentEventChars: opts.recentEventChars ?? DEFAULTS.recentEventChars,
      defer: (fn) => setImmediate(fn),
      onCallbackError: opts.onWatcherError ?? reportWatcherError,
    });
  }

  /** Number of open watchers (for metrics and tests). */
  get watcherCount(): number {
    return this.hub.size;
  }

  async revision(): Promise<number> {
    this.assertOpen();
    return this.reads.revision();
  }

  async compactedRevision(): Promise<number> {
    this.assertOpen();
    return this.reads.compactedRevision();
  }

  async get(key: string): Promise<KeyValue | undefined> {
    this.assertOpen();
    return this.reads.get(key);
  }

  async range(prefix: string, opts?: RangeOptions): Promise<RangeResult> {
    this.assertOpen();
    return this.reads.range(prefix, opts);
  }

  async count(prefix: string): Promise<number> {
    this.assertOpen();
    return this.reads.count(prefix);
  }

  async create(key: string, value: string): Promise<KeyValue> {
    this.assertOpen();
    return this.committed(this.writes.create(key, value));
  }

  async update(key: string, value: string, expectedModRevision: number): Promise<KeyValue> {
    this.assertOpen();
    return this.committed(this.writes.update(key, value, expectedModRevision));
  }

  async delete(key: string, expectedModRevision?: number): Promise<KeyValue> {
    this.assertOpen();
    return this.committed(this.writes.delete(key, expectedModRevision));
  }

  /**
   * Watching from a future revision is allowed, as in etcd: nothing is
   * replayed and live events up to afterRevision are skipped.
   */
  async watch(prefix: string, opts: WatchOptions): Promise<Watcher> {
    this.assertOpen();
    // Revision and subscription in one synchronous turn: no local write can slip in between.
    const { revision, compacted: compactedRevision } = this.reads.revisions();
    if (opts.afterRevision < compactedRevision) throw compacted(opts.afterRevision, compactedRevision);
    return this.hub.subscribe(prefix, opts, revision);
  }

  /** Deletes history in short IMMEDIATE transactions, yielding between them, then checkpoints the WAL. */
  async compact(revision: number): Promise<void> {
    this.assertOpen();
    const current = this.reads.revision();
    if (revision > current) throw futureRevision(revision, current);
    this.hub.compacted(revision);
    while (this.writes.compactBatch(revision, this.compactBatchSize) < revision) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.assertOpen();
    }
    // PASSIVE never waits for readers or writers; it copies what it can so the WAL can be reused.
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.hub.closeAll('closed');
    this.db.close();
    // onClose callbacks are deferred; let them run before close() resolves.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  private committed(event: WatchEvent): KeyValue {
    this.hub.publish(event);
    return event.kv;
  }

  private assertOpen(): void {
    if (this.closed) throw storeClosed();
  }
}

/** Opens (creating if needed) a SQLite-backed Store; path may be ':memory:'. */
export function openSqliteStore(path: string, opts: SqliteStoreOptions = {}): SqliteStore {
  const db = openDatabase(path, opts.busyTimeoutMs ?? DEFAULTS.busyTimeoutMs);
  try {
    return new SqliteStore(db, opts);
  } catch (error) {
    db.close();
    throw error;
  }
}

function reportWatcherError(error: unknown): void {
  process.emitWarning(`store watcher callback failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}
