/**
 * Two controller managers against one API server: only the Lease holder runs
 * controllers; the standby takes over when the leader stops (released lease)
 * or goes silent (expired lease, judged by the standby's own clock).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTimings } from '@mk/api';
import type { Lease } from 'kubernetes-types/coordination/v1';
import { createLeaderElectedManager } from './elected-manager';
import type { ControllerDefinition } from './framework/types';
import type { ControllerManager } from './manager';
import { eventually, startTestCluster, type TestCluster } from './testing/cluster';

let cluster: TestCluster;
const managers: ControllerManager[] = [];
beforeEach(async () => {
  cluster = await startTestCluster();
});
afterEach(async () => {
  for (const m of managers.splice(0)) await m.stop();
  await cluster.close();
});

/** A controller that only records which manager's copy is running. */
function probe(running: Set<string>, who: string): ControllerDefinition {
  return {
    name: 'probe',
    create: () => {
      running.add(who);
      return { name: 'probe', watches: [], reconcile: async () => undefined };
    },
  };
}

const leasePath = '/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-controller-manager';

function manager(running: Set<string>, who: string): ControllerManager {
  const m = createLeaderElectedManager({
    client: cluster.client,
    timings: defaultTimings,
    clock: cluster.clock,
    available: [probe(running, who)],
    leaderElection: { identity: who },
    log: () => undefined,
  });
  managers.push(m);
  return m;
}

describe('leader election', () => {
  it('runs the controllers of the lease holder only, and hands over on a clean stop', async () => {
    const running = new Set<string>();
    const a = manager(running, 'a');
    await a.start();
    expect([...running]).toEqual(['a']);
    const b = manager(running, 'b');
    await b.start();
    await cluster.clock.advance(6_000);
    expect([...running]).toEqual(['a']);
    expect((await cluster.get<Lease>(leasePath))?.spec?.holderIdentity).toBe('a');

    await a.stop();
    expect((await cluster.get<Lease>(leasePath))?.spec?.holderIdentity).toBe('');
    await eventually(async () => {
      await cluster.clock.advance(2_000);
      expect(running.has('b')).toBe(true);
    });
    const lease = await cluster.get<Lease>(leasePath);
    expect(lease?.spec).toMatchObject({ holderIdentity: 'b', leaseTransitions: 1, leaseDurationSeconds: 15 });
  });

  it('takes over a lease whose holder went silent once it has been stale for a lease duration', async () => {
    // A holder that died without releasing: its record never changes again.
    await cluster.client.request('POST', '/apis/coordination.k8s.io/v1/namespaces/kube-system/leases', {
      body: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'kube-controller-manager' }, spec: { holderIdentity: 'ghost', leaseDurationSeconds: 15, renewTime: '2026-01-01T00:00:00.000000Z', leaseTransitions: 4 } },
    });
    const running = new Set<string>();
    const b = manager(running, 'b');
    await b.start();
    expect(running.size).toBe(0);
    await cluster.clock.advance(14_000);
    expect(running.size).toBe(0);
    await eventually(async () => {
      await cluster.clock.advance(2_000);
      expect(running.has('b')).toBe(true);
    });
    expect((await cluster.get<Lease>(leasePath))?.spec).toMatchObject({ holderIdentity: 'b', leaseTransitions: 5 });
  });
});
