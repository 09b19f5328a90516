import { describe, expect, it } from 'vitest';
import { compilePreferredTerms, compileTerm, matchesRequiredNodeAffinity, preferredScore, requiredNodeAffinity } from './node-selector';
import type { Pod, PodSpec } from 'kubernetes-types/core/v1';

const makePod = (name: string, o: { spec?: Partial<PodSpec> } = {}): Pod => ({ metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...o.spec } });

const node = (name: string, labels: Record<string, string>) => ({ name, labels });

describe('node selector terms', () => {
  it('supports In, NotIn, Exists, DoesNotExist, Gt and Lt', () => {
    const t = compileTerm({
      matchExpressions: [
        { key: 'zone', operator: 'In', values: ['a', 'b'] },
        { key: 'tier', operator: 'NotIn', values: ['db'] },
        { key: 'ssd', operator: 'Exists' },
        { key: 'gpu', operator: 'DoesNotExist' },
        { key: 'cores', operator: 'Gt', values: ['4'] },
        { key: 'age', operator: 'Lt', values: ['10'] },
      ],
    })!;
    const termMatches = (labels: Record<string, string>) => matchesRequiredNodeAffinity({ terms: [t] }, node('n', labels));
    expect(termMatches({ zone: 'a', ssd: '', cores: '8', age: '3' })).toBe(true);
    expect(termMatches({ zone: 'c', ssd: '', cores: '8', age: '3' })).toBe(false);
    expect(termMatches({ zone: 'a', tier: 'db', ssd: '', cores: '8', age: '3' })).toBe(false);
    expect(termMatches({ zone: 'a', cores: '8', age: '3' })).toBe(false);
    expect(termMatches({ zone: 'a', ssd: '', gpu: '1', cores: '8', age: '3' })).toBe(false);
    expect(termMatches({ zone: 'a', ssd: '', cores: '4', age: '3' })).toBe(false);
    expect(termMatches({ zone: 'a', ssd: '', cores: 'x', age: '3' })).toBe(false);
  });

  it('matches metadata.name fields', () => {
    const t = compileTerm({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] })!;
    expect(matchesRequiredNodeAffinity({ terms: [t] }, node('n1', {}))).toBe(true);
    expect(matchesRequiredNodeAffinity({ terms: [t] }, node('n2', {}))).toBe(false);
  });

  it('treats empty and unparsable terms as matching nothing while other terms still count (ORed)', () => {
    expect(compileTerm({})).toBeUndefined();
    expect(compileTerm({ matchExpressions: [{ key: 'a', operator: 'Bogus', values: ['x'] }] })).toBeUndefined();
    expect(compileTerm({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toBeUndefined();
    const pod = makePod('p', {
      spec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{}, { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] }],
            },
          },
        },
      },
    });
    const r = requiredNodeAffinity(pod);
    expect(matchesRequiredNodeAffinity(r, node('n', { disk: 'ssd' }))).toBe(true);
    expect(matchesRequiredNodeAffinity(r, node('n', { disk: 'hdd' }))).toBe(false);
  });

  it('ANDs nodeSelector with required affinity; a pod with neither matches all', () => {
    const pod = makePod('p', {
      spec: {
        nodeSelector: { env: 'prod' },
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'Exists' }] }] } } },
      },
    });
    const r = requiredNodeAffinity(pod);
    expect(matchesRequiredNodeAffinity(r, node('n', { env: 'prod', zone: 'a' }))).toBe(true);
    expect(matchesRequiredNodeAffinity(r, node('n', { env: 'prod' }))).toBe(false);
    expect(matchesRequiredNodeAffinity(r, node('n', { zone: 'a' }))).toBe(false);
    expect(matchesRequiredNodeAffinity(requiredNodeAffinity(makePod('q')), node('n', {}))).toBe(true);
  });

  it('sums the weights of matching preferred terms, dropping zero weights', () => {
    const terms = compilePreferredTerms([
      { weight: 10, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
      { weight: 5, preference: { matchExpressions: [{ key: 'ssd', operator: 'Exists' }] } },
      { weight: 0, preference: { matchExpressions: [{ key: 'ssd', operator: 'Exists' }] } },
    ]);
    expect(terms).toHaveLength(2);
    expect(preferredScore(terms, node('n', { zone: 'a', ssd: '' }))).toBe(15);
    expect(preferredScore(terms, node('n', { ssd: '' }))).toBe(5);
  });
});
