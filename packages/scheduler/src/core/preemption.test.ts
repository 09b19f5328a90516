import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../plugins/registry';
import { Nominator } from '../queue/nominator';
import { cacheOf, makeNode, makePod, podInfo } from '../testing/builders';
import { numCandidates, preempt, MSG_POLICY_NEVER } from './preemption';
import { SchedulingAlgorithm } from './schedule-pod';

function failAndPreempt(pod: ReturnType<typeof podInfo>, cache: ReturnType<typeof cacheOf>) {
  const out = new SchedulingAlgorithm(defaultProfile(), new Nominator()).schedulePod(pod, cache);
  if (out.kind !== 'unschedulable') throw new Error(`expected unschedulable, got ${out.kind}`);
  return preempt(pod, cache, defaultProfile(), out.cycle, out.diagnosis, new Nominator(), { now: Date.parse('2026-01-01T00:00:00Z'), random: () => 0 });
}

describe('preempt (DefaultPreemption)', () => {
  it('evicts the fewest lowest-priority pods needed, on the node where that costs least', () => {
    const cache = cacheOf(
      [makeNode('n1', { cpu: '2' }), makeNode('n2', { cpu: '2' })],
      [
        makePod('n1-low', { nodeName: 'n1', cpu: '1', priority: 10 }),
        makePod('n1-mid', { nodeName: 'n1', cpu: '1', priority: 100 }),
        makePod('n2-a', { nodeName: 'n2', cpu: '1', priority: 50 }),
        makePod('n2-b', { nodeName: 'n2', cpu: '1', priority: 50 }),
      ],
    );
    const r = failAndPreempt(podInfo('vip', { cpu: '1', priority: 1000 }), cache);
    expect(r.status.code).toBe('Success');
    // n1 needs only n1-low (highest victim priority 10); n2 would evict a priority-50 pod.
    expect(r.nominatedNodeName).toBe('n1');
    expect(r.victims.map((v) => v.name)).toEqual(['n1-low']);
  });

  it('reports nodes without lower-priority pods as having no victims', () => {
    const cache = cacheOf([makeNode('n1', { cpu: '1' })], [makePod('same', { nodeName: 'n1', cpu: '1', priority: 5 })]);
    const r = failAndPreempt(podInfo('p', { cpu: '1', priority: 5 }), cache);
    expect(r.status.code).toBe('Unschedulable');
    expect(r.status.reasons).toEqual(['preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.']);
    expect(r.nominatedNodeName).toBe('');
  });

  it('keeps the filter reason when even evicting every lower-priority pod does not help', () => {
    const cache = cacheOf([makeNode('n1', { cpu: '1' })], [makePod('low', { nodeName: 'n1', cpu: '500m', priority: 1 })]);
    const r = failAndPreempt(podInfo('p', { cpu: '2', priority: 10 }), cache);
    expect(r.status.reasons).toEqual(['preemption: 0/1 nodes are available: 1 Insufficient cpu.']);
  });

  it('does not preempt for pods with preemptionPolicy Never', () => {
    const cache = cacheOf([makeNode('n1', { cpu: '1' })], [makePod('low', { nodeName: 'n1', cpu: '1', priority: 1 })]);
    const r = failAndPreempt(podInfo('p', { cpu: '1', priority: 10, spec: { preemptionPolicy: 'Never' } }), cache);
    expect(r.status.reasons).toEqual([`preemption: ${MSG_POLICY_NEVER}`]);
    expect(r.victims).toEqual([]);
  });

  it('shortlists 10% of the candidate nodes, at least 100', () => {
    expect(numCandidates(50)).toBe(50);
    expect(numCandidates(500)).toBe(100);
    expect(numCandidates(5000)).toBe(500);
  });
});
