import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import { resourcePath, type ApiClient } from '@mk/client';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { EventSpec } from '../framework/events';
import { createExpectations } from '../framework/expectations';
import { frozen } from '../testing/fixtures';
import { createFailedPodBackoff } from './backoff';
import { snapshotRevision, templateHash } from './revisions';
import { syncDaemonSet, type SyncDeps } from './sync';
import { daemonPod, daemonSet, node } from './fixtures';

/** Sync deps over fixed caches and a client that records writes as `METHOD path`. */
function harness(ds: DaemonSet, pods: Pod[], nodes: Node[] = [node('w1'), node('w2')]) {
  const writes: string[] = [];
  const bodies: unknown[] = [];
  const client = {
    path: resourcePath,
    async request(method: string, path: string, opts?: { body?: unknown }) {
      writes.push(`${method} ${path}`);
      bodies.push(opts?.body);
      const body = (opts?.body ?? {}) as Pod;
      return method === 'POST' ? { ...body, metadata: { ...body.metadata, name: 'agent-new' } } : body;
    },
  } as unknown as ApiClient;
  const events: EventSpec[] = [];
  const clock = new FakeClock('2026-01-01T00:10:00Z');
  const expectations = createExpectations(clock);
  const deps: SyncDeps = {
    client,
    events: (e) => events.push(e),
    expectations,
    clock,
    failedPodBackoff: createFailedPodBackoff(),
    daemonSet: (key) => (key === 'default/agent' ? ds : undefined),
    nodes: () => nodes,
    podsIn: () => pods,
    // The current template's revision exists already, so history needs no writes.
    revisionsIn: () => [frozen(snapshotRevision(ds, 1))],
  };
  return { deps, writes, bodies, events, expectations };
}

const podWrites = (writes: string[]) => writes.filter((w) => w.includes('/pods'));

describe('syncDaemonSet', () => {
  it('creates the missing pods and writes status with the observed generation', async () => {
    const ds = daemonSet({ generation: 2 });
    const h = harness(ds, [daemonPod('a', 'w1', { hash: templateHash(ds) })]);
    await syncDaemonSet(h.deps, 'default/agent');
    expect(h.writes).toEqual(['POST /api/v1/namespaces/default/pods', 'PUT /apis/apps/v1/namespaces/default/daemonsets/agent/status']);
    expect((h.bodies[1] as DaemonSet).status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 1, observedGeneration: 2 });
  });

  it('only writes status, without observing the generation, while its own writes are unseen', async () => {
    const ds = daemonSet({ generation: 2 });
    const h = harness(ds, []);
    h.expectations.expect('default/agent', 1);
    await syncDaemonSet(h.deps, 'default/agent');
    expect(h.writes).toEqual(['PUT /apis/apps/v1/namespaces/default/daemonsets/agent/status']);
    expect((h.bodies[0] as DaemonSet).status?.observedGeneration).toBeUndefined();
  });

  it('replaces old pods under RollingUpdate but not under OnDelete', async () => {
    const old = [daemonPod('a', 'w1', { hash: 'old' }), daemonPod('b', 'w2', { hash: 'old' })];
    const rolling = harness(daemonSet(), old);
    await syncDaemonSet(rolling.deps, 'default/agent');
    expect(podWrites(rolling.writes)).toEqual(['DELETE /api/v1/namespaces/default/pods/a']);
    const onDelete = harness(daemonSet({ strategy: { type: 'OnDelete' } }), old);
    await syncDaemonSet(onDelete.deps, 'default/agent');
    expect(podWrites(onDelete.writes)).toEqual([]);
  });

  it('refuses a selector that selects everything, with a SelectingAll event', async () => {
    const base = daemonSet();
    const h = harness(frozen({ ...base, spec: { ...base.spec!, selector: {} } }), []);
    await syncDaemonSet(h.deps, 'default/agent');
    expect(h.writes).toEqual([]);
    expect(h.events.map((e) => `${e.type} ${e.reason}: ${e.message}`)).toEqual(['Warning SelectingAll: This daemon set is selecting all pods. A non-empty selector is required.']);
  });

  it('leaves a DaemonSet being deleted alone, and forgets one that is gone', async () => {
    const base = daemonSet();
    const h = harness(frozen({ ...base, metadata: { ...base.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } }), []);
    await syncDaemonSet(h.deps, 'default/agent');
    expect(h.writes).toEqual([]);
    h.expectations.expect('default/gone', 3);
    await syncDaemonSet(h.deps, 'default/gone');
    expect(h.expectations.satisfied('default/gone')).toBe(true);
  });
});
