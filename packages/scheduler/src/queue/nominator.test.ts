import { describe, expect, it } from 'vitest';
import { newPodInfo } from '../cache/pod-info';
import { makePod, podInfo } from '../testing/builders';
import { Nominator } from './nominator';

describe('Nominator', () => {
  it('records, moves and removes nominations', () => {
    const n = new Nominator();
    const p = podInfo('p');
    n.nominate(p, 'a');
    expect(n.nominatedPodsForNode('a')?.map((x) => x.name)).toEqual(['p']);
    n.nominate(p, 'b');
    expect(n.nominatedPodsForNode('a')).toBeUndefined();
    expect(n.nominatedPodsForNode('b')?.length).toBe(1);
    n.nominate(p, '');
    expect(n.nominatedPodsForNode('b')).toBeUndefined();
  });

  it('follows status.nominatedNodeName, keeping an in-memory nomination the API has not shown yet', () => {
    const n = new Nominator();
    n.syncFromPod(newPodInfo(makePod('p', { uid: 'u', status: { phase: 'Pending', nominatedNodeName: 'a' } })));
    expect(n.nominatedPodsForNode('a')?.length).toBe(1);
    n.syncFromPod(newPodInfo(makePod('p', { uid: 'u' })));
    expect(n.nominatedPodsForNode('a')?.length).toBe(1);
    n.remove('default/p');
    expect(n.nominatedPodsForNode('a')).toBeUndefined();
  });
});
