import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from './sqlite-store';
import { describeStoreContract } from './store-contract';
import { bundleIncrementProcess } from './testing/bundle-increment-process';
import { runIncrementLoops } from './testing/cas-increment';
import { EventCollector } from './testing/event-collector';

const dir = mkdtempSync(join(tmpdir(), 'mk-store-'));
let files = 0;
const newPath = () => join(dir, `store-${++files}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStoreContract('sqlite :memory:', () => openSqliteStore(':memory:'));
describeStoreContract('sqlite file', () => openSqliteStore(newPath()));
// Tiny pages make every replay in the contract cross page boundaries.
describeStoreContract('sqlite file, replay pages of 3', () => openSqliteStore(newPath(), { replayPageSize: 3 }));

describe('SqliteStore on a file', () => {
  let path: string;
  const open: SqliteStore[] = [];
  const openStore = (opts?: SqliteStoreOptions) => {
    const store = openSqliteStore(path, opts);
    open.push(store);
    return store;
  };
  beforeEach(() => {
    path = newPath();
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });

  it('creates the database, -wal and -shm files with mode 0600', async () => {
    const store = openStore();
    await store.create('/a', 'x');
    for (const file of [path, `${path}-wal`, `${path}-shm`]) expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('restricts a pre-existing database file to 0600', async () => {
    writeFileSync(path, '');
    chmodSync(path, 0o644);
    openStore();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('keeps data, history and the revision counter across a restart', async () => {
    const first = openStore();
    const a = await first.create('/a', 'one');
    const b = await first.create('/b', 'two');
    await first.delete('/b');
    const aUpdated = await first.update('/a', 'three', a.modRevision);
    await first.compact(a.modRevision);
    const revision = await first.revision();
    await first.close();

    const second = openStore();
    expect(await second.revision()).toBe(revision);
    expect(await second.compactedRevision()).toBe(a.modRevision);
    expect(await second.get('/a')).toEqual(aUpdated);
    expect(await second.get('/b')).toBeUndefined();
    const next = await second.create('/b', 'again');
    expect(next.modRevision).toBe(revision + 1);
    expect(next.createRevision).toBeGreaterThan(b.createRevision);

    const history = new EventCollector();
    await second.watch('/', history.options(a.modRevision));
    await history.untilRevision(next.modRevision);
    expect(history.events.map((e) => [e.type, e.kv.key, e.kv.value])).toEqual([
      ['PUT', '/b', 'two'],
      ['DELETE', '/b', 'two'],
      ['PUT', '/a', 'three'],
      ['PUT', '/b', 'again'],
    ]);
  });

  it('keeps current state and history in separate tables, and compaction deletes history rows', async () => {
    const store = openStore();
    for (let i = 0; i < 10; i++) await store.create(`/k${i}`, 'x');
    await store.compact(6);
    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM current').pluck().get()).toBe(10);
      expect(db.prepare('SELECT min(rev), count(*) FROM history').raw().get()).toEqual([7, 4]);
      expect(db.prepare('SELECT name, value FROM meta ORDER BY name').raw().all()).toEqual([
        ['compacted', 6],
        ['revision', 10],
      ]);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('compacts in short batches, letting writes in between', async () => {
    const store = openStore({ compactBatchSize: 3 });
    for (let i = 0; i < 20; i++) await store.create(`/k${i}`, 'x');
    const compaction = store.compact(17);
    const written = await store.create('/during', 'x');
    expect(written.modRevision).toBe(21);
    expect(await store.compactedRevision()).toBe(3);
    await compaction;
    expect(await store.compactedRevision()).toBe(17);
  });

  it('drops a watcher whose replay was compacted away, with onClose("slow")', async () => {
    const store = openStore({ replayPageSize: 2 });
    for (let i = 0; i < 10; i++) await store.create(`/k${i}`, 'x');
    const watch = new EventCollector();
    await store.watch('/', watch.options(0));
    // The first compaction batch commits before the watcher's first replay step runs.
    await store.compact(5);
    expect(await watch.untilClosed()).toBe('slow');
    expect(watch.events).toEqual([]);
    expect(store.watcherCount).toBe(0);
  });

  it('delivers writes made through another connection, in revision order, without gaps', async () => {
    const local = openStore();
    const remote = openStore();
    const watch = new EventCollector();
    await local.watch('/', watch.options(await local.revision()));
    const r1 = await remote.create('/remote-1', 'x');
    const r2 = await remote.create('/remote-2', 'x');
    const own = await local.create('/local', 'x');
    await watch.untilRevision(own.modRevision);
    expect(watch.revisions).toEqual([r1.modRevision, r2.modRevision, own.modRevision]);
  });

  it('loses no update when two processes compare-and-swap on the same file', async () => {
    const bundle = await bundleIncrementProcess(dir);
    const store = openStore();
    await store.create('/counter', '0');
    const child = () =>
      new Promise<void>((resolve, reject) => {
        const proc = spawn(process.execPath, [bundle, path, '/counter', '4', '100'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        proc.on('error', reject);
        proc.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`child exited ${code}: ${output}`))));
      });
    await Promise.all([child(), child(), runIncrementLoops(store, '/counter', 4, 100)]);
    expect((await store.get('/counter'))?.value).toBe('1200');
    expect(await store.revision()).toBe(1201);
  }, 60_000);
});

describe('SqliteStore slow and failing watchers', () => {
  let store: SqliteStore;
  const errors: unknown[] = [];
  beforeEach(() => {
    errors.length = 0;
    store = openSqliteStore(':memory:', { watchBufferSize: 5, onWatcherError: (error) => errors.push(error) });
  });
  afterEach(() => store.close());

  it('drops a watcher that falls more than watchBufferSize events behind', async () => {
    const slow = new EventCollector();
    await store.watch('/', slow.options(0));
    // Six writes in one synchronous burst: the buffer of 5 overflows before any delivery.
    const burst = Array.from({ length: 6 }, (_, i) => store.create(`/k${i}`, 'x'));
    await Promise.all(burst);
    expect(await slow.untilClosed()).toBe('slow');
    expect(slow.events).toEqual([]);
    expect(store.watcherCount).toBe(0);
  });

  it('keeps a watcher that stays within its buffer', async () => {
    const watch = new EventCollector();
    await store.watch('/', watch.options(0));
    let last = 0;
    for (let i = 0; i < 3; i++) {
      const burst = Array.from({ length: 5 }, (_, j) => store.create(`/k${i}-${j}`, 'x'));
      last = (await Promise.all(burst))[4]!.modRevision;
      await watch.untilRevision(last);
    }
    expect(watch.revisions).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(watch.closedWith).toBeUndefined();
  });

  it('drops a watcher whose onEvent promise does not settle while events pile up', async () => {
    const watch = new EventCollector();
    let calls = 0;
    let firstCall!: () => void;
    const called = new Promise<void>((resolve) => (firstCall = resolve));
    await store.watch('/', {
      ...watch.options(0),
      onEvent: () => {
        calls++;
        firstCall();
        return new Promise<void>(() => {});
      },
    });
    await store.create('/first', 'x');
    await called;
    for (let i = 0; i < 5; i++) await store.create(`/k${i}`, 'x');
    expect(store.watcherCount).toBe(1);
    await store.create('/one-too-many', 'x');
    expect(await watch.untilClosed()).toBe('slow');
    expect(calls).toBe(1);
  });

  it('drops a watcher whose onEvent throws with onClose("closed") and reports the error', async () => {
    const watch = new EventCollector();
    const options = watch.options(0);
    await store.watch('/', {
      ...options,
      onEvent: () => {
        throw new Error('consumer bug');
      },
    });
    await store.create('/a', 'x');
    expect(await watch.untilClosed()).toBe('closed');
    expect(errors).toEqual([new Error('consumer bug')]);
    expect(store.watcherCount).toBe(0);
  });
});
