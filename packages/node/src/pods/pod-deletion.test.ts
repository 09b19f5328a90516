import { describe, expect, it } from 'vitest';
import type { FakeClock } from '@mk/api';
import { seededRandom } from '../runtime/sim/random';
import { createSimRuntime } from '../runtime/sim/sim-runtime';
import { PodHarness, storedPod } from './testing/harness';

const realistic = (clock: FakeClock) => createSimRuntime({ preset: 'realistic', clock, random: seededRandom(42), idSalt: 'test' });
const fast = (clock: FakeClock) => createSimRuntime({ preset: 'fast', clock, idSalt: 'test' });

describe('graceful deletion', () => {
  it('stops the containers within the grace period, reports them, and deletes the pod with grace 0 and a UID precondition', async () => {
    const h = new PodHarness(realistic);
    h.add(
      storedPod('mixed', {
        containers: [
          { name: 'web', image: 'nginx' },
          { name: 'sleeper', image: 'busybox', command: ['sleep', '3600'] },
        ],
      }),
    );
    await h.advance(10_000);
    h.deleteGracefully('mixed', 30);
    await h.advance(29_000);
    expect(h.deletes).toEqual([]);
    expect(h.eventLines().filter((e) => e.includes('Killing'))).toEqual([
      '10000 Normal Killing spec.containers{web}: Stopping container web',
      '10000 Normal Killing spec.containers{sleeper}: Stopping container sleeper',
    ]);
    await h.advance(2000);
    // busybox ignored SIGTERM and was killed when the grace period ended.
    const final = h.writes.at(-1)!;
    expect(final.at).toBe(40_000);
    expect(final.status.phase).toBe('Failed');
    expect(final.status.containerStatuses!.map((s) => [s.name, s.state!.terminated!.exitCode, s.state!.terminated!.reason])).toEqual([
      ['web', 0, 'Completed'],
      ['sleeper', 137, 'Error'],
    ]);
    expect(h.deletes).toEqual([
      { name: 'mixed', body: { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0, preconditions: { uid: 'uid-mixed' } } },
    ]);
    expect(h.pods.has('mixed')).toBe(false);
    expect(h.records.size).toBe(0);
  });

  it('deletes a pod at once when its containers stop at once, ending Succeeded when they exit 0', async () => {
    const h = new PodHarness(fast);
    h.add(storedPod('web', { containers: [{ name: 'web', image: 'nginx' }] }));
    await h.settle();
    h.deleteGracefully('web', 30);
    await h.settle();
    expect(h.timeline()).toEqual(['0 Running web=running ready r0', '0 Succeeded web=terminated:Completed(0) r0']);
    expect(h.deletes).toHaveLength(1);
  });

  it('deletes a pod that never started', async () => {
    const h = new PodHarness(fast);
    h.add(storedPod('bad', { containers: [{ name: 'app', image: 'nope' }] }, { annotations: { 'sim.mk.io/pull-fail': 'true' } }));
    await h.settle();
    h.deleteGracefully('bad', 30);
    await h.settle();
    expect(h.deletes.map((d) => d.name)).toEqual(['bad']);
    expect(h.writes.at(-1)!.status.phase).toBe('Failed');
  });
});

describe('a pod removed from the API', () => {
  it('has its containers stopped and its sandbox removed, with nothing written', async () => {
    const h = new PodHarness(fast);
    const pod = storedPod('gone', { containers: [{ name: 'web', image: 'nginx' }] });
    h.add(pod);
    await h.settle();
    const sandboxId = h.records.get('uid-gone')!.sandbox!.id;
    const writes = h.writes.length;
    h.pods.delete('gone');
    h.manager.handlers().onDelete!(pod);
    await h.settle();
    expect(h.writes).toHaveLength(writes);
    expect(h.deletes).toEqual([]);
    expect(await h.runtime.podSandboxStatus(sandboxId)).toBeUndefined();
    expect(h.records.size).toBe(0);
    expect(h.events.at(-1)).toMatchObject({ reason: 'Killing', message: 'Stopping container web' });
  });
});
