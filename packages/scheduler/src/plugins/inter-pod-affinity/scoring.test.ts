import { describe, expect, it } from 'vitest';
import { prioritizeNodes } from '../../core/prioritize';
import { SKIP } from '../../framework/types';
import { cacheOf, makeNode, makePod, podInfo } from '../../testing/builders';
import { interPodAffinityScore } from './scoring';

const ZONE = 'topology.kubernetes.io/zone';
const zoned = (name: string, z: string) => makeNode(name, { labels: { [ZONE]: z } });
const weighted = [{ plugin: interPodAffinityScore, weight: 1 }];

describe('InterPodAffinity score', () => {
  it('prefers domains with pods the incoming pod prefers, and avoids those it prefers not to share', () => {
    const cache = cacheOf(
      [zoned('a', 'a'), zoned('b', 'b'), zoned('c', 'c')],
      [makePod('cache', { nodeName: 'a', labels: { app: 'cache' } }), makePod('noisy', { nodeName: 'b', labels: { app: 'batch' } })],
    );
    const pod = podInfo('p', {
      spec: {
        affinity: {
          podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: { labelSelector: { matchLabels: { app: 'cache' } }, topologyKey: ZONE } }] },
          podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: { labelSelector: { matchLabels: { app: 'batch' } }, topologyKey: ZONE } }] },
        },
      },
    });
    // raw: a +10, b −10, c 0 → min-max normalised
    expect(prioritizeNodes(pod, cache.nodes, weighted, cache)).toEqual([100, 0, 50]);
  });

  it("counts running pods' required affinity toward the incoming pod with weight 1", () => {
    const follower = makePod('f', { nodeName: 'a', spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: ZONE }] } } } });
    const cache = cacheOf([zoned('a', 'a'), zoned('b', 'b')], [follower]);
    expect(prioritizeNodes(podInfo('p', { labels: { app: 'web' } }), cache.nodes, weighted, cache)).toEqual([100, 0]);
  });

  it('is skipped when nothing has preferences', () => {
    const cache = cacheOf([zoned('a', 'a')]);
    expect(interPodAffinityScore.preScore(podInfo('p'), cache.nodes, cache)).toBe(SKIP);
  });
});
