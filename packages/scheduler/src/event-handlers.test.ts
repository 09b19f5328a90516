import { describe, expect, it } from 'vitest';
import { FakeClock, type KObject } from '@mk/api';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { newPodInfo, withNodeName } from './cache/pod-info';
import { SchedulerCache } from './cache/scheduler-cache';
import { nodeEventHandlers, podEventHandlers } from './event-handlers';
import { defaultProfile, eventRegistrations } from './plugins/registry';
import { Nominator } from './queue/nominator';
import { SchedulingQueue } from './queue/scheduling-queue';
import { makeNode, makePod } from './testing/builders';

function setup() {
  const cache = new SchedulerCache();
  const queue = new SchedulingQueue({ clock: new FakeClock(), podInitialBackoffMs: 0, podMaxBackoffMs: 0, registrations: eventRegistrations(defaultProfile()) });
  const d = { cache, queue, nominator: new Nominator(), schedulerName: 'default-scheduler' };
  const pods = podEventHandlers(d);
  const nodes = nodeEventHandlers(d);
  const o = (x: Pod | Node) => x as unknown as KObject;
  return {
    ...d,
    addPod: (p: Pod) => pods.onAdd!(o(p)),
    updatePod: (a: Pod, b: Pod) => pods.onUpdate!(o(a), o(b)),
    deletePod: (p: Pod) => pods.onDelete!(o(p)),
    addNode: (n: Node) => nodes.onAdd!(o(n)),
    updateNode: (a: Node, b: Node) => nodes.onUpdate!(o(a), o(b)),
  };
}

describe('informer handlers', () => {
  it('queues pending pods of this scheduler only', () => {
    const s = setup();
    s.addPod(makePod('mine'));
    s.addPod(makePod('theirs', { spec: { schedulerName: 'other' } }));
    s.addPod(makePod('done', { status: { phase: 'Succeeded' } }));
    expect(s.queue.stats().active).toBe(1);
    expect(s.queue.whereIs('default/mine')).toBe('active');
  });

  it('moves a bound pod from the queue to the cache', () => {
    const s = setup();
    s.addNode(makeNode('n'));
    const pending = makePod('p', { uid: 'u1', cpu: '1' });
    s.addPod(pending);
    s.updatePod(pending, makePod('p', { uid: 'u1', cpu: '1', nodeName: 'n' }));
    expect(s.queue.whereIs('default/p')).toBeUndefined();
    expect(s.cache.get('n')!.requested.milliCPU).toBe(1000);
  });

  it('ignores updates of a pod this scheduler assumed and is binding', () => {
    const s = setup();
    s.addNode(makeNode('n'));
    const pending = makePod('p', { uid: 'u1' });
    s.cache.assumePod(withNodeName(newPodInfo(pending), 'n'));
    s.updatePod(pending, { ...pending, status: { phase: 'Pending', conditions: [] } });
    expect(s.queue.whereIs('default/p')).toBeUndefined();
  });

  it('frees room when a bound pod finishes, waking pods rejected for resources', () => {
    const s = setup();
    s.addNode(makeNode('n', { cpu: '1' }));
    const running = makePod('job', { uid: 'j', nodeName: 'n', cpu: '1', status: { phase: 'Running' } });
    s.addPod(running);
    s.addPod(makePod('waiting', { cpu: '1' }));
    s.queue.addUnschedulable(s.queue.pop()!, new Set(['NodeResourcesFit']));
    s.updatePod(running, { ...running, status: { phase: 'Succeeded' } });
    expect(s.cache.get('n')!.requested.milliCPU).toBe(0);
    expect(s.queue.whereIs('default/waiting')).toBe('active');
  });

  it('wakes a pod rejected by NodeAffinity when a node gets the label it needs', () => {
    const s = setup();
    const plain = makeNode('n');
    s.addNode(plain);
    s.addPod(makePod('p', { spec: { nodeSelector: { disk: 'ssd' } } }));
    s.queue.addUnschedulable(s.queue.pop()!, new Set(['NodeAffinity']));
    const beat = { ...plain, status: { ...plain.status!, conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: 'later' }] } };
    s.updateNode(plain, beat);
    expect(s.queue.whereIs('default/p')).toBe('unschedulable');
    s.updateNode(beat, makeNode('n', { labels: { disk: 'ssd' } }));
    expect(s.queue.whereIs('default/p')).toBe('active');
  });

  it('forgets deleted pods everywhere', () => {
    const s = setup();
    s.addNode(makeNode('n'));
    const bound = makePod('b', { nodeName: 'n', cpu: '1' });
    s.addPod(bound);
    s.addPod(makePod('q'));
    s.deletePod(bound);
    s.deletePod(makePod('q'));
    expect(s.cache.get('n')!.pods.size).toBe(0);
    expect(s.queue.stats().active).toBe(0);
  });

  it('frees the room of an assumed pod deleted before its binding was seen', () => {
    const s = setup();
    s.addNode(makeNode('n', { cpu: '1' }));
    const pending = makePod('p', { uid: 'u1', cpu: '1' });
    s.cache.assumePod(withNodeName(newPodInfo(pending), 'n'));
    s.addPod(makePod('waiting', { cpu: '1' }));
    s.queue.addUnschedulable(s.queue.pop()!, new Set(['NodeResourcesFit']));
    s.deletePod(pending);
    expect(s.cache.get('n')!.requested.milliCPU).toBe(0);
    expect(s.queue.whereIs('default/waiting')).toBe('active');
  });
});
