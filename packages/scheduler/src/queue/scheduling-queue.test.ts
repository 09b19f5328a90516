import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import { nodeAffinityFilter } from '../plugins/node-affinity/node-affinity';
import { eventRegistrations, defaultProfile } from '../plugins/registry';
import { ActionType, type ClusterEvent } from '../framework/types';
import { makeNode, makePod, podInfo } from '../testing/builders';
import { SchedulingQueue } from './scheduling-queue';
import { newPodInfo } from '../cache/pod-info';

function setup(extra: { maxInUnschedulable?: number; flush?: number } = {}) {
  const clock = new FakeClock('2026-01-01T00:00:00Z');
  const queue = new SchedulingQueue({
    clock,
    podInitialBackoffMs: 1000,
    podMaxBackoffMs: 10_000,
    podMaxInUnschedulablePodsDurationMs: extra.maxInUnschedulable,
    unschedulableFlushIntervalMs: extra.flush,
    registrations: eventRegistrations(defaultProfile()),
  });
  return { clock, queue };
}

const labelled = (labels: Record<string, string>): ClusterEvent => ({
  resource: 'Node',
  action: ActionType.UpdateNodeLabel,
  label: 'NodeUpdate',
  oldObj: makeNode('n'),
  newObj: makeNode('n', { labels }),
});

describe('SchedulingQueue', () => {
  it('pops by priority, then in arrival order', async () => {
    const { queue, clock } = setup();
    queue.add(podInfo('a'));
    await clock.advance(1);
    queue.add(podInfo('b'));
    queue.add(podInfo('vip', { priority: 100 }));
    queue.add(podInfo('c'));
    expect([queue.pop(), queue.pop(), queue.pop(), queue.pop()].map((q) => q?.podInfo.name)).toEqual(['vip', 'a', 'b', 'c']);
    expect(queue.pop()).toBeUndefined();
  });

  it('parks a rejected pod until an event its rejecting plugin cares about, then backs it off', async () => {
    const { queue, clock } = setup();
    queue.add(podInfo('p', { spec: { nodeSelector: { disk: 'ssd' } } }));
    const q = queue.pop()!;
    queue.addUnschedulable(q, new Set([nodeAffinityFilter.name]));
    expect(queue.whereIs('default/p')).toBe('unschedulable');

    // A node event that does not make the node match is ignored (QueueingHint).
    queue.moveAllToActiveOrBackoff(labelled({ disk: 'hdd' }));
    expect(queue.whereIs('default/p')).toBe('unschedulable');
    // A resource event is not NodeAffinity's business at all.
    queue.moveAllToActiveOrBackoff({ resource: 'Pod', action: ActionType.Delete, label: 'AssignedPodDelete', oldObj: makePod('x', { nodeName: 'n' }) });
    expect(queue.whereIs('default/p')).toBe('unschedulable');

    queue.moveAllToActiveOrBackoff(labelled({ disk: 'ssd' }));
    expect(queue.whereIs('default/p')).toBe('backoff');
    await clock.advance(999);
    expect(queue.whereIs('default/p')).toBe('backoff');
    await clock.advance(1);
    expect(queue.whereIs('default/p')).toBe('active');
    expect(queue.pop()?.attempts).toBe(2);
  });

  it('doubles the backoff with every attempt up to the maximum', async () => {
    const { queue, clock } = setup();
    queue.add(podInfo('p'));
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      const q = queue.pop()!;
      expect(q.attempts).toBe(attempt);
      queue.addUnschedulable(q, new Set()); // an error: straight to backoff
      let waited = 0;
      while (queue.whereIs('default/p') !== 'active') {
        await clock.advance(500);
        waited += 500;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('moves pods out of the unschedulable pool after the maximum wait, on the periodic flush', async () => {
    const { queue, clock } = setup({ maxInUnschedulable: 60_000, flush: 30_000 });
    queue.run();
    queue.add(podInfo('p'));
    queue.addUnschedulable(queue.pop()!, new Set(['NodeResourcesFit']));
    await clock.advance(30_000);
    expect(queue.whereIs('default/p')).toBe('unschedulable');
    await clock.advance(30_000);
    expect(queue.whereIs('default/p')).toBe('unschedulable'); // exactly the maximum is not over it
    await clock.advance(30_000);
    expect(queue.whereIs('default/p')).toBe('active');
    queue.close();
  });

  it('requeues a pod whose own spec changed, but not for status-only updates', () => {
    const { queue } = setup();
    const pod = makePod('p', { spec: { nodeSelector: { disk: 'ssd' } } });
    queue.add(newPodInfo(pod));
    queue.addUnschedulable(queue.pop()!, new Set(['NodeAffinity']));
    const statusOnly = { ...pod, status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False' }] } };
    queue.update(pod, newPodInfo(statusOnly));
    expect(queue.whereIs('default/p')).toBe('unschedulable');
    const relaxed = { ...pod, spec: { ...pod.spec!, nodeSelector: {} } };
    queue.update(pod, newPodInfo(relaxed));
    expect(queue.whereIs('default/p')).toBe('backoff');
  });

  it('holds gated pods until their schedulingGates are removed', () => {
    const { queue } = setup();
    const gated = makePod('g', { spec: { schedulingGates: [{ name: 'wait' }] } });
    queue.add(newPodInfo(gated));
    expect(queue.pop()).toBeUndefined();
    queue.moveAllToActiveOrBackoff(labelled({}));
    expect(queue.whereIs('default/g')).toBe('unschedulable');
    queue.update(gated, newPodInfo({ ...gated, spec: { ...gated.spec!, schedulingGates: [] } }));
    expect(queue.pop()?.podInfo.name).toBe('g');
  });

  it('drops a pod deleted while in flight, and backs off one that changed while in flight', () => {
    const { queue } = setup();
    queue.add(podInfo('gone'));
    const gone = queue.pop()!;
    queue.delete('default/gone');
    queue.addUnschedulable(gone, new Set(['NodeAffinity']));
    expect(queue.whereIs('default/gone')).toBeUndefined();

    const pod = makePod('p');
    queue.add(newPodInfo(pod));
    const q = queue.pop()!;
    queue.update(pod, newPodInfo({ ...pod, metadata: { ...pod.metadata, labels: { v: '2' } } }));
    queue.addUnschedulable(q, new Set(['NodeAffinity']));
    expect(queue.whereIs('default/p')).toBe('backoff');
  });

  it('wakes a waiting consumer when a pod becomes active', async () => {
    const { queue } = setup();
    let woke = false;
    const waiting = queue.waitForPod().then(() => (woke = true));
    await Promise.resolve();
    expect(woke).toBe(false);
    queue.add(podInfo('p'));
    await waiting;
    expect(woke).toBe(true);
  });
});
