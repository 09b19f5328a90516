import { describe, expect, it } from 'vitest';
import type { NodeSelectorTerm, PodSpec } from 'kubernetes-types/core/v1';
import { matchesRequiredNodeAffinity, termMatches } from './node-affinity';
import { node } from './fixtures';

const w1 = node('w1', { labels: { zone: 'a', disk: 'ssd', cores: '8' } });
const required = (...terms: NodeSelectorTerm[]): PodSpec => ({ containers: [], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } });

describe('node affinity matching', () => {
  it('needs every nodeSelector label', () => {
    expect(matchesRequiredNodeAffinity({ containers: [], nodeSelector: { zone: 'a', disk: 'ssd' } }, w1)).toBe(true);
    expect(matchesRequiredNodeAffinity({ containers: [], nodeSelector: { zone: 'b' } }, w1)).toBe(false);
    expect(matchesRequiredNodeAffinity(undefined, w1)).toBe(true);
  });

  it('supports every label operator', () => {
    const t = (key: string, operator: string, values?: string[]) => termMatches({ matchExpressions: [{ key, operator, ...(values ? { values } : {}) }] }, w1);
    expect([t('zone', 'In', ['a', 'b']), t('zone', 'In', ['b'])]).toEqual([true, false]);
    expect([t('zone', 'NotIn', ['b']), t('zone', 'NotIn', ['a']), t('absent', 'NotIn', ['x'])]).toEqual([true, false, true]);
    expect([t('disk', 'Exists'), t('gpu', 'Exists')]).toEqual([true, false]);
    expect([t('gpu', 'DoesNotExist'), t('disk', 'DoesNotExist')]).toEqual([true, false]);
    expect([t('cores', 'Gt', ['4']), t('cores', 'Gt', ['8']), t('cores', 'Lt', ['16']), t('zone', 'Gt', ['1'])]).toEqual([true, false, true, false]);
  });

  it('matches fields on metadata.name with In and NotIn', () => {
    expect(termMatches({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['w1'] }] }, w1)).toBe(true);
    expect(termMatches({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['w2'] }] }, w1)).toBe(false);
    expect(termMatches({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['w2'] }] }, w1)).toBe(true);
    // Field terms take exactly one value; anything else makes the term unusable.
    expect(termMatches({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['w1', 'w2'] }] }, w1)).toBe(false);
  });

  it('ANDs requirements within a term and ORs the terms', () => {
    const zoneA = { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] };
    const zoneB = { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] };
    expect(matchesRequiredNodeAffinity(required(zoneB, zoneA), w1)).toBe(true);
    expect(matchesRequiredNodeAffinity(required({ ...zoneA, matchFields: [{ key: 'metadata.name', operator: 'In', values: ['w2'] }] }), w1)).toBe(false);
    expect(matchesRequiredNodeAffinity({ ...required(zoneA), nodeSelector: { disk: 'hdd' } }, w1)).toBe(false);
  });

  it('lets an empty or malformed term match nothing while the others still count', () => {
    const bad = { matchExpressions: [{ key: 'zone', operator: 'Near', values: ['a'] }] };
    expect(matchesRequiredNodeAffinity(required({}), w1)).toBe(false);
    expect(matchesRequiredNodeAffinity(required(bad), w1)).toBe(false);
    expect(matchesRequiredNodeAffinity(required(bad, { matchExpressions: [{ key: 'disk', operator: 'Exists' }] }), w1)).toBe(true);
    expect(matchesRequiredNodeAffinity(required(), w1)).toBe(false);
  });
});
