import { describe, expect, it } from 'vitest';
import { assessDisruption, computeZoneState, noExecuteGateFor, zoneKeyOf } from './zone-state';
import { readyNode } from '../testing/fixtures';

const now = new Date('2026-01-01T00:00:00Z');

describe('computeZoneState', () => {
  it.each([
    [['True', 'True', 'Unknown'], 'Normal'],
    [['True', 'Unknown', 'Unknown'], 'Normal'],
    [['True', 'Unknown', 'Unknown', 'False'], 'PartialDisruption'],
    [['True', 'True', 'Unknown', 'Unknown', 'False'], 'PartialDisruption'],
    [['True', 'True', 'True', 'Unknown', 'Unknown', 'False'], 'Normal'],
    [['Unknown'], 'FullDisruption'],
    [['Unknown', undefined], 'FullDisruption'],
  ] as const)('%j is %s', (statuses, state) => {
    expect(computeZoneState(statuses)).toBe(state);
  });
});

describe('zones and gates', () => {
  it('keys zones by region and zone labels', () => {
    expect(zoneKeyOf(readyNode('a', now, { labels: {} }))).toBe('');
    expect(zoneKeyOf(readyNode('a', now, { labels: { 'topology.kubernetes.io/region': 'r', 'topology.kubernetes.io/zone': 'z' } }))).toBe('r:\x00:z');
    expect(zoneKeyOf(readyNode('a', now, { labels: { 'failure-domain.beta.kubernetes.io/zone': 'z' } }))).toBe(':\x00:z');
  });

  it('lets a normal zone taint, holds a small partially disrupted one, untaints when every zone is down', () => {
    const nodes = (statuses: string[]) => statuses.map((s, i) => ({ node: readyNode(`n${i}`, now), readyStatus: s }));
    expect(noExecuteGateFor(assessDisruption(nodes(['True', 'True', 'Unknown'])), '')).toBe('taint');
    expect(noExecuteGateFor(assessDisruption(nodes(['True', 'Unknown', 'Unknown', 'Unknown'])), '')).toBe('hold');
    expect(noExecuteGateFor(assessDisruption(nodes(['Unknown', 'Unknown'])), '')).toBe('untaint');
  });

  it('leaves excluded nodes out of the count', () => {
    const excluded = readyNode('x', now, { labels: { 'node.kubernetes.io/exclude-disruption': '' } });
    const d = assessDisruption([
      { node: readyNode('a', now), readyStatus: 'Unknown' },
      { node: excluded, readyStatus: 'True' },
    ]);
    expect(d.allFullyDisrupted).toBe(true);
  });

  it('keeps tainting in a fully disrupted zone while another zone is up', () => {
    const zoned = (name: string, zone: string) => readyNode(name, now, { labels: { 'topology.kubernetes.io/zone': zone } });
    const d = assessDisruption([
      { node: zoned('a', 'z1'), readyStatus: 'Unknown' },
      { node: zoned('b', 'z2'), readyStatus: 'True' },
    ]);
    expect(d.zones.get(':\x00:z1')!.state).toBe('FullDisruption');
    expect(noExecuteGateFor(d, ':\x00:z1')).toBe('taint');
  });
});
