import { describe, expect, it } from 'vitest';
import { cacheOf, makeNode, makePod, podInfo } from '../testing/builders';
import { withNodeName } from './pod-info';
import { newPodInfo } from './pod-info';

describe('SchedulerCache', () => {
  it('counts an assumed pod on its node at once and forgets it on a failed binding', () => {
    const cache = cacheOf([makeNode('n', { cpu: '2' })]);
    const assumed = withNodeName(podInfo('p', { cpu: '1500m' }), 'n');
    cache.assumePod(assumed);
    expect(cache.isAssumed('default/p')).toBe(true);
    expect(cache.get('n')!.requested.milliCPU).toBe(1500);
    expect(cache.get('n')!.pods.size).toBe(1);
    cache.forgetPod('default/p');
    expect(cache.get('n')!.requested.milliCPU).toBe(0);
    expect(cache.isAssumed('default/p')).toBe(false);
  });

  it('confirms an assumption when the informer reports the bound pod', () => {
    const cache = cacheOf([makeNode('n')]);
    cache.assumePod(withNodeName(podInfo('p', { cpu: '1' }), 'n'));
    cache.addPod(newPodInfo(makePod('p', { nodeName: 'n', cpu: '1' })));
    expect(cache.isAssumed('default/p')).toBe(false);
    expect(cache.get('n')!.requested.milliCPU).toBe(1000);
    cache.forgetPod('default/p'); // no longer an assumption: nothing to forget
    expect(cache.get('n')!.pods.size).toBe(1);
  });

  it('keeps aggregates right across pod updates and removals', () => {
    const cache = cacheOf([makeNode('n')], [makePod('p', { nodeName: 'n', cpu: '1', hostPorts: [80], owner: 'rs' })]);
    const n = cache.get('n')!;
    expect(cache.controllerPodCounts('rs')?.get(n)).toBe(1);
    expect(n.usedPorts.conflicts({ hostIP: '0.0.0.0', protocol: 'TCP', port: 80 })).toBe(true);
    cache.updatePod(newPodInfo(makePod('p', { nodeName: 'n', cpu: '2', owner: 'rs' })));
    expect(n.requested.milliCPU).toBe(2000);
    expect(n.usedPorts.conflicts({ hostIP: '0.0.0.0', protocol: 'TCP', port: 80 })).toBe(false);
    cache.removePod('default/p');
    expect(n.pods.size).toBe(0);
    expect(cache.controllerPodCounts('rs')).toBeUndefined();
  });

  it('keeps pods of a node that is gone until they leave, without listing the node', () => {
    const cache = cacheOf([makeNode('a'), makeNode('b')], [makePod('p', { nodeName: 'a' })]);
    cache.removeNode('a');
    expect(cache.nodes.map((n) => n.name)).toEqual(['b']);
    expect(cache.get('a')).toBeUndefined();
    cache.addNode(makeNode('a'));
    expect(cache.get('a')!.pods.size).toBe(1);
  });

  it('tracks which nodes hold pods with affinity terms', () => {
    const anti = makePod('x', { nodeName: 'a', spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: {} }] } } } });
    const cache = cacheOf([makeNode('a'), makeNode('b')], [anti]);
    expect([...cache.nodesWithRequiredAntiAffinity].map((n) => n.name)).toEqual(['a']);
    cache.removePod('default/x');
    expect(cache.nodesWithRequiredAntiAffinity.size).toBe(0);
  });
});
