import { describe, expect, it } from 'vitest';
import { FakeClock, type KObject } from '@mk/api';
import { ApiError } from '../api-error';
import { TransportError } from '../transport-error';
import type { ApiClient, RequestOptions, WatchEventJSON, WatchHandle } from '../types';
import { Reflector } from './reflector';

/** A watch stream the test drives by hand. */
interface Stream {
  query: Record<string, unknown>;
  emit(type: WatchEventJSON['type'], object: KObject): void;
  end(): void;
  closed: boolean;
}

/** An ApiClient whose LIST answers and WATCH streams are scripted by the test. */
class ScriptedClient {
  lists: Record<string, unknown>[] = [];
  streams: Stream[] = [];
  listAnswer: (query: Record<string, unknown>) => unknown = () => list('1', []);
  /** Errors the next watch requests fail with, in order. */
  watchErrors: unknown[] = [];
  watchAttempts = 0;
  private streamWaiters: (() => void)[] = [];

  asClient(): ApiClient {
    return {
      config: { server: 'http://x', namespace: 'default' },
      request: (async (_m: string, _p: string, opts: RequestOptions = {}) => {
        const query = { ...opts.query };
        this.lists.push(query);
        const answer = this.listAnswer(query);
        if (answer instanceof Error) throw answer;
        return answer;
      }) as ApiClient['request'],
      requestRaw: () => Promise.reject(new Error('unused')),
      watch: async (_p: string, opts: RequestOptions & { onEvent(e: WatchEventJSON): void }): Promise<WatchHandle> => {
        this.watchAttempts++;
        const err = this.watchErrors.shift();
        if (err) throw err;
        let finish!: () => void;
        const done = new Promise<void>((r) => (finish = r));
        const stream: Stream = {
          query: { ...opts.query },
          closed: false,
          emit: (type, object) => !stream.closed && opts.onEvent({ type, object }),
          end: () => ((stream.closed = true), finish()),
        };
        this.streams.push(stream);
        for (const w of this.streamWaiters.splice(0)) w();
        return { done, close: () => stream.end() };
      },
      path: (p) => `/api/${p.version}/${p.plural}`,
      discover: () => Promise.resolve([]),
    };
  }

  /** Resolves once n streams have been opened. */
  async streamCount(n: number): Promise<Stream> {
    while (this.streams.length < n) await new Promise<void>((r) => this.streamWaiters.push(r));
    return this.streams[n - 1]!;
  }
}

const list = (rv: string, names: string[], cont?: string) => ({
  kind: 'PodList',
  apiVersion: 'v1',
  metadata: { resourceVersion: rv, ...(cont ? { continue: cont } : {}) },
  items: names.map((n) => pod(n, rv)),
});
const pod = (name: string, rv: string): KObject => ({ metadata: { name, namespace: 'default', resourceVersion: rv } });
const expired = () => new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Expired', code: 410, message: 'too old resource version' });

function setup(listAnswer?: ScriptedClient['listAnswer']) {
  const scripted = new ScriptedClient();
  if (listAnswer) scripted.listAnswer = listAnswer;
  const clock = new FakeClock();
  const seen: string[] = [];
  const logs: string[] = [];
  const reflector = new Reflector(
    scripted.asClient(),
    { group: '', version: 'v1', plural: 'pods' },
    {
      replace: (items) => seen.push(`replace ${items.map((o) => o.metadata!.name).join(',')}`),
      apply: (type, obj) => seen.push(`${type} ${obj.metadata!.name}`),
    },
    { clock, backoffInitialMs: 800, backoffMaxMs: 3000, watchTimeoutSeconds: () => 420, log: (m) => logs.push(m) },
  );
  void reflector.run();
  return { scripted, clock, seen, logs, reflector };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('Reflector', () => {
  it('watches from the list resourceVersion; bookmarks and events advance the resume point', async () => {
    const { scripted, seen, reflector } = setup(() => list('10', ['a']));
    const s1 = await scripted.streamCount(1);
    expect(s1.query).toEqual({ resourceVersion: '10', allowWatchBookmarks: true, timeoutSeconds: 420, labelSelector: undefined, fieldSelector: undefined });
    s1.emit('ADDED', pod('b', '11'));
    s1.emit('BOOKMARK', { metadata: { resourceVersion: '15' } });
    expect(reflector.resourceVersion).toBe('15');
    s1.end();
    const s2 = await scripted.streamCount(2);
    expect(s2.query.resourceVersion).toBe('15');
    expect(scripted.lists).toHaveLength(1);
    expect(seen).toEqual(['replace a', 'ADDED b']);
    reflector.stop();
  });

  it('re-lists at once after an ERROR 410 event and ignores events after it', async () => {
    const { scripted, seen, reflector } = setup(() => list('10', ['a']));
    const s1 = await scripted.streamCount(1);
    scripted.listAnswer = () => list('20', ['b']);
    s1.emit('ERROR', { kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version: 10 (12)' } as KObject);
    s1.emit('ADDED', pod('late', '13'));
    const s2 = await scripted.streamCount(2);
    expect(s2.query.resourceVersion).toBe('20');
    expect(seen).toEqual(['replace a', 'replace b']);
    reflector.stop();
  });

  it('re-lists when the watch request itself answers 410', async () => {
    const { scripted, reflector } = setup();
    const s1 = await scripted.streamCount(1);
    s1.emit('BOOKMARK', { metadata: { resourceVersion: '4' } });
    scripted.watchErrors = [expired()];
    s1.end();
    await scripted.streamCount(2);
    expect(scripted.lists).toHaveLength(2);
    reflector.stop();
  });

  it('retries a refused watch with doubling, capped backoff, from the same resourceVersion', async () => {
    const { scripted, clock, logs, reflector } = setup(() => list('7', []));
    const s1 = await scripted.streamCount(1);
    s1.emit('BOOKMARK', { metadata: { resourceVersion: '9' } });
    const refused = () => new TransportError('http://x', 'ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1');
    scripted.watchErrors = [refused(), refused(), refused(), refused()];
    s1.end();
    await flush();
    expect(scripted.watchAttempts).toBe(2); // the re-watch after a stream with events is immediate
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const before = scripted.watchAttempts;
      let waited = 0;
      while (scripted.watchAttempts === before) {
        await clock.advance(100);
        waited += 100;
        await flush();
      }
      delays.push(waited);
    }
    expect(delays).toEqual([800, 1600, 3000, 3000]);
    expect(scripted.streams.at(-1)!.query.resourceVersion).toBe('9');
    expect(scripted.lists).toHaveLength(1);
    expect(logs[0]).toContain('failed to watch v1 pods: connect ECONNREFUSED');
    reflector.stop();
  });

  it('backs off before re-watching a stream that ended without any event', async () => {
    const { scripted, clock, reflector } = setup();
    const s1 = await scripted.streamCount(1);
    s1.end();
    await flush();
    await clock.advance(799);
    expect(scripted.streams).toHaveLength(1);
    await clock.advance(1);
    await scripted.streamCount(2);
    reflector.stop();
  });

  it('backs off and re-lists after a watch ERROR other than 410', async () => {
    const { scripted, clock, logs, reflector } = setup();
    const s1 = await scripted.streamCount(1);
    s1.emit('ERROR', { kind: 'Status', code: 500, reason: 'InternalError', message: 'boom' } as KObject);
    await flush();
    expect(scripted.lists).toHaveLength(1);
    await clock.advance(800);
    await scripted.streamCount(2);
    expect(scripted.lists).toHaveLength(2);
    expect(logs).toContain('watch of v1 pods failed: boom');
    reflector.stop();
  });

  it('retries a failed list with backoff', async () => {
    const scripted = new ScriptedClient();
    scripted.listAnswer = () => new TransportError('http://x', 'ECONNREFUSED', 'refused');
    const clock = new FakeClock();
    const r = new Reflector(scripted.asClient(), { group: '', version: 'v1', plural: 'pods' }, { replace: () => {}, apply: () => {} }, {
      clock, backoffInitialMs: 800, backoffMaxMs: 30_000, watchTimeoutSeconds: () => 300, log: () => {},
    });
    void r.run();
    await flush();
    expect(scripted.lists).toHaveLength(1);
    await clock.advance(800);
    await flush();
    expect(scripted.lists).toHaveLength(2);
    scripted.listAnswer = () => list('3', []);
    await clock.advance(1600);
    await scripted.streamCount(1);
    expect(scripted.lists).toHaveLength(3);
    r.stop();
  });

  it('falls back to one unpaged list when a continue token has expired', async () => {
    const { scripted, seen, reflector } = setup((q) => (q.continue === undefined ? (q.limit ? list('5', ['a'], 'tok') : list('9', ['a', 'b', 'c'])) : expired()));
    await scripted.streamCount(1);
    expect(scripted.lists.map((q) => [q.limit, q.continue])).toEqual([[500, undefined], [500, 'tok'], [undefined, undefined]]);
    expect(seen).toEqual(['replace a,b,c']);
    expect(reflector.resourceVersion).toBe('9');
    reflector.stop();
  });

  it('stop() ends the stream and cuts a backoff wait short', async () => {
    const { scripted, clock, reflector } = setup();
    const s1 = await scripted.streamCount(1);
    reflector.stop();
    expect(s1.closed).toBe(true);
    await clock.advance(60_000);
    expect(scripted.streams).toHaveLength(1);
    expect(clock.pending).toBe(0);
  });
});
