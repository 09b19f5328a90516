import { describe, expect, it } from 'vitest';
import { LIST_BUDGET, readAnchors } from './anchors';

const mk = { get: { p50: 1, p99: 4 }, listMs: 250 };
const etcd = { get: { p50: 0.5, p99: 2 }, listMs: 100 };

describe('readAnchors', () => {
  it('gives mk get p50 and the list with its own budget, and nothing of etcd when etcd did not run', () => {
    expect(readAnchors(10_000, mk)).toEqual([
      { label: 'get one pod p50', unit: 'ms', value: 1 },
      { label: 'list 10,000 pods', unit: 'ms', value: 250, budget: { atMost: 300 } },
    ]);
    expect(LIST_BUDGET).toEqual({ atMost: 300 });
  });

  it('adds etcd get p50/p99, its range and the ratios mk/etcd when etcd ran', () => {
    const anchors = readAnchors(10_000, mk, etcd);
    expect(anchors.map((a) => [a.label, a.value])).toEqual([
      ['get one pod p50', 1],
      ['list 10,000 pods', 250],
      ['bare etcd get p50', 0.5],
      ['bare etcd get p99', 2],
      ['bare etcd range of 10,000 values', 100],
      ['ratio get p99 mk/etcd', 2],
      ['ratio list mk/etcd', 2.5],
    ]);
    expect(anchors.filter((a) => a.budget)).toHaveLength(1);
  });

  it('labels the list by its size and keeps labels independent of the numbers measured', () => {
    const labels = (m: typeof mk) => readAnchors(1_000, m, etcd).map((a) => a.label);
    expect(labels(mk)).toEqual(labels({ get: { p50: 9, p99: 99 }, listMs: 3 }));
    expect(labels(mk)).toContain('list 1,000 pods');
  });
});
