import { describe, expect, it } from 'vitest';
import { FakeClock, type KObject } from '@mk/api';
import type { EventHandlers, Informer } from '@mk/client';
import { wireReconciler } from './run-reconciler';

/** An informer whose events the test fires by hand. */
function fakeInformer(): Informer & { fire: Required<EventHandlers> } {
  const handlers: EventHandlers[] = [];
  const fire = {
    onAdd: (o: KObject) => handlers.forEach((h) => h.onAdd?.(o)),
    onUpdate: (a: KObject, b: KObject) => handlers.forEach((h) => h.onUpdate?.(a, b)),
    onDelete: (o: KObject) => handlers.forEach((h) => h.onDelete?.(o)),
  };
  const none = () => [];
  return {
    target: { group: '', version: 'v1', plural: 'pods' },
    lister: { get: () => undefined, list: none, byNamespace: none, byIndex: none },
    addHandlers: (h) => void handlers.push(h),
    addIndex: () => undefined,
    start: () => undefined,
    synced: async () => undefined,
    hasSynced: () => true,
    lastSyncResourceVersion: () => '1',
    stop: () => undefined,
    fire,
  };
}

const obj = (name: string, node: string, rv = '1'): KObject => ({ metadata: { name, namespace: 'default', resourceVersion: rv }, spec: { nodeName: node } });
const tick = () => new Promise((r) => setImmediate(r));

describe('wireReconciler', () => {
  it('maps events to keys, honours the update predicate, resyncs on the clock and retries failures', async () => {
    const clock = new FakeClock();
    const informer = fakeInformer();
    const seen: string[] = [];
    let failOnce = true;
    const wired = wireReconciler(
      {
        name: 'test',
        watches: [{ informer, keys: (o) => [String((o.spec as { nodeName: string }).nodeName)], changed: (a, b) => a.metadata?.resourceVersion !== b.metadata?.resourceVersion }],
        resync: { periodMs: 5_000, keys: () => ['periodic'] },
        async reconcile(key) {
          seen.push(key);
          if (key === 'flaky' && failOnce) {
            failOnce = false;
            throw new Error('boom');
          }
        },
      },
      clock,
      () => undefined,
    );
    const done = wired.run();

    informer.fire.onAdd(obj('a', 'n1'));
    informer.fire.onUpdate(obj('a', 'n1'), obj('a', 'n1')); // unchanged: ignored
    informer.fire.onUpdate(obj('a', 'n1'), obj('a', 'n2', '2')); // moved: both nodes
    informer.fire.onDelete(obj('b', 'flaky'));
    for (let i = 0; i < 5; i++) await tick();
    // n1 was already handed to the worker when the move re-added it, so it is synced again afterwards.
    expect(seen).toEqual(['n1', 'n2', 'flaky', 'n1']);

    await clock.advance(5_000); // the resync and the retry of the failed key (5 ms backoff)
    for (let i = 0; i < 5; i++) await tick();
    expect(seen.slice(4).sort()).toEqual(['flaky', 'periodic']);

    wired.shutDown();
    await done;
  });
});
