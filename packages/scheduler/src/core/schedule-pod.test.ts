import { describe, expect, it } from 'vitest';
import type { PodInfo } from '../cache/pod-info';
import { defaultProfile } from '../plugins/registry';
import { Nominator } from '../queue/nominator';
import { cacheOf, makeNode, makePod, podInfo } from '../testing/builders';
import { fitErrorMessage } from './fit-error';
import { preempt } from './preemption';
import { SchedulingAlgorithm, type ScheduleOutcome } from './schedule-pod';

const controlPlaneTaint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

function algorithm(nominator = new Nominator(), random = () => 0.99, percentageOfNodesToScore?: number) {
  return new SchedulingAlgorithm({ ...defaultProfile(), percentageOfNodesToScore }, nominator, random);
}

/** The FailedScheduling message the scheduler would emit for an unschedulable outcome. */
function failureMessage(pod: PodInfo, outcome: ScheduleOutcome, cache: ReturnType<typeof cacheOf>): string {
  if (outcome.kind !== 'unschedulable') throw new Error(`expected unschedulable, got ${outcome.kind}`);
  const r = preempt(pod, cache, defaultProfile(), outcome.cycle, outcome.diagnosis, new Nominator(), { now: 0, random: () => 0 });
  if (r.status.code !== 'Success') outcome.diagnosis.postFilterMsg = r.status.message();
  return fitErrorMessage(outcome.numAllNodes, outcome.diagnosis);
}

describe('SchedulingAlgorithm', () => {
  it('never picks the tainted control-plane node and prefers the emptier node', () => {
    const cache = cacheOf([makeNode('cp', { taints: [controlPlaneTaint] }), makeNode('w1'), makeNode('w2')], [makePod('old', { nodeName: 'w1', cpu: '2', memory: '4Gi' })]);
    const out = algorithm().schedulePod(podInfo('p', { cpu: '100m' }), cache);
    expect(out.kind).toBe('scheduled');
    expect(out.kind === 'scheduled' && out.node.name).toBe('w2');
  });

  it("builds upstream's message, including the preemption part, when nothing fits", () => {
    const cache = cacheOf([makeNode('a', { labels: { disk: 'hdd' } }), makeNode('b', { labels: { disk: 'ssd' }, cpu: '1' }), makeNode('c', { labels: { disk: 'ssd' }, cpu: '1' })]);
    const pod = podInfo('p', { cpu: '2', spec: { nodeSelector: { disk: 'ssd' } } });
    expect(failureMessage(pod, algorithm().schedulePod(pod, cache), cache)).toBe(
      "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..",
    );
  });

  it('reports only the first failing filter per node, in upstream filter order', () => {
    const cache = cacheOf([makeNode('a', { taints: [controlPlaneTaint], cpu: '1' })]);
    const pod = podInfo('p', { cpu: '2' });
    expect(failureMessage(pod, algorithm().schedulePod(pod, cache), cache)).toBe(
      '0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
    );
  });

  it('filters only the nodes a PreFilter pinned, reporting the others as not satisfying the plugin', () => {
    const cache = cacheOf([makeNode('a'), makeNode('b', { cpu: '1' }), makeNode('c')]);
    const pod = podInfo('ds', {
      cpu: '2',
      spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['b'] }] }] } } } },
    });
    expect(failureMessage(pod, algorithm().schedulePod(pod, cache), cache)).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..",
    );
  });

  it('reports an empty cluster', () => {
    expect(algorithm().schedulePod(podInfo('p'), cacheOf([])).kind).toBe('noNodes');
  });

  it('stops after enough feasible nodes and starts the next search where the last one ended', () => {
    const nodes = Array.from({ length: 200 }, (_, i) => makeNode(`n${String(i).padStart(3, '0')}`));
    const cache = cacheOf(nodes);
    const alg = algorithm(new Nominator(), () => 0.99, 50);
    const first = alg.schedulePod(podInfo('p1'), cache);
    const second = alg.schedulePod(podInfo('p2'), cache);
    expect(first.kind === 'scheduled' && [first.node.name, first.evaluatedNodes]).toEqual(['n000', 100]);
    expect(second.kind === 'scheduled' && second.node.name).toBe('n100');
  });

  it('keeps room for pods nominated to a node with at least the same priority', () => {
    const cache = cacheOf([makeNode('n1', { cpu: '2' })]);
    const nominator = new Nominator();
    nominator.nominate(podInfo('vip', { cpu: '2', priority: 1000 }), 'n1');
    expect(algorithm(nominator).schedulePod(podInfo('low', { cpu: '1' }), cache).kind).toBe('unschedulable');
    expect(algorithm(nominator).schedulePod(podInfo('peer', { cpu: '1', priority: 2000 }), cache).kind).toBe('scheduled');
  });

  it('tries the nominated node first', () => {
    const cache = cacheOf([makeNode('a'), makeNode('b'), makeNode('c')]);
    const pod = podInfo('p', { status: { phase: 'Pending', nominatedNodeName: 'c' } });
    const out = algorithm().schedulePod(pod, cache);
    expect(out.kind === 'scheduled' && [out.node.name, out.evaluatedNodes]).toEqual(['c', 1]);
  });
});
