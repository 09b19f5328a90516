import { describe, expect, it } from 'vitest';
import { newPodInfo } from '../../cache/pod-info';
import { prioritizeNodes } from '../../core/prioritize';
import { Status } from '../../framework/status';
import { SKIP } from '../../framework/types';
import { cacheOf, makeNode, makePod, podInfo } from '../../testing/builders';
import { ERR_REASON_CONFLICT, ERR_REASON_POD, nodeAffinityFilter, nodeAffinityScore, pinnedNodeNames } from './node-affinity';

const pinned = (...terms: string[][]) =>
  newPodInfo(
    makePod('ds', {
      spec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: terms.map((names) => ({ matchFields: names.map((n) => ({ key: 'metadata.name', operator: 'In', values: [n] })) })),
            },
          },
        },
      },
    }),
  );

describe('NodeAffinity filter', () => {
  const cache = cacheOf([makeNode('a', { labels: { disk: 'ssd' } }), makeNode('b')]);

  it('skips pods without nodeSelector or required affinity', () => {
    expect(nodeAffinityFilter.preFilter(podInfo('p'))).toBe(SKIP);
  });

  it('rejects nodes that miss the nodeSelector with upstream reason', () => {
    const p = podInfo('p', { spec: { nodeSelector: { disk: 'ssd' } } });
    const pre = nodeAffinityFilter.preFilter(p);
    if (pre === SKIP || pre instanceof Status) throw new Error('expected state');
    expect(nodeAffinityFilter.filter(p, cache.get('a')!, pre.state)).toBeNull();
    const s = nodeAffinityFilter.filter(p, cache.get('b')!, pre.state);
    expect(s?.code).toBe('UnschedulableAndUnresolvable');
    expect(s?.reasons).toEqual([ERR_REASON_POD]);
    expect(ERR_REASON_POD).toBe("node(s) didn't match Pod's node affinity/selector");
  });

  it('narrows candidates to nodes pinned by matchFields metadata.name (DaemonSet pods)', () => {
    expect(pinnedNodeNames(pinned(['a']))).toEqual(new Set(['a']));
    expect(pinnedNodeNames(pinned(['a'], ['b']))).toEqual(new Set(['a', 'b']));
    const pre = nodeAffinityFilter.preFilter(pinned(['a']));
    expect(pre !== SKIP && !(pre instanceof Status) && pre.nodeNames).toEqual(new Set(['a']));
  });

  it('reports conflicting pinned names as unresolvable', () => {
    const s = nodeAffinityFilter.preFilter(pinned(['a', 'b']));
    expect(s).toBeInstanceOf(Status);
    expect((s as Status).reasons).toEqual([ERR_REASON_CONFLICT]);
  });

  it('requeues on a node label change only when the node starts to match', () => {
    const hint = nodeAffinityFilter.events[0].hint!;
    const p = podInfo('p', { spec: { nodeSelector: { disk: 'ssd' } } });
    const before = makeNode('b');
    const after = makeNode('b', { labels: { disk: 'ssd' } });
    expect(hint(p, { resource: 'Node', action: 8, label: 'NodeUpdate', oldObj: before, newObj: after })).toBe(true);
    expect(hint(p, { resource: 'Node', action: 8, label: 'NodeUpdate', oldObj: after, newObj: after })).toBe(false);
    expect(hint(p, { resource: 'Node', action: 1, label: 'NodeAdd', newObj: before })).toBe(false);
  });
});

describe('NodeAffinity score', () => {
  it('normalises the preferred weights so the best node gets 100', () => {
    const cache = cacheOf([makeNode('a', { labels: { zone: 'a' } }), makeNode('b', { labels: { zone: 'b' } }), makeNode('c')]);
    const p = podInfo('p', {
      spec: {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 80, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
              { weight: 20, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] } },
            ],
          },
        },
      },
    });
    expect(prioritizeNodes(p, cache.nodes, [{ plugin: nodeAffinityScore, weight: 2 }], cache)).toEqual([200, 50, 0]);
  });

  it('is skipped for pods without preferences', () => {
    expect(nodeAffinityScore.preScore(podInfo('p'))).toBe(SKIP);
  });
});
