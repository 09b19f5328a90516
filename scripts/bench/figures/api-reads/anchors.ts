/** The anchors of the API reads figure, with labels that stay the same in every run of one machine (pure). */
import type { Anchor, Budget } from '../../figure';
import type { GetLatency } from './timing';

/** What one store answered: single-object read latency and the time of one whole-list read, in ms. */
export interface ReadTimes {
  get: GetLatency;
  listMs: number;
}

/** The second bound: listing 10,000 pods in at most 300 ms. */
export const LIST_BUDGET: Budget = { atMost: 300 };

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * mk's get p50 and its list time (carrying the list budget), then, when a
 * bare etcd ran in this run, etcd's get p50/p99, its prefix range and the
 * ratios mk/etcd. Without etcd there is no etcd anchor at all, never a
 * placeholder, so the harness never matches a number against a missing one.
 */
export function readAnchors(pods: number, mk: ReadTimes, etcd?: ReadTimes): Anchor[] {
  const anchors: Anchor[] = [
    { label: 'get one pod p50', unit: 'ms', value: mk.get.p50 },
    { label: `list ${count(pods)} pods`, unit: 'ms', value: mk.listMs, budget: LIST_BUDGET },
  ];
  if (!etcd) return anchors;
  return [
    ...anchors,
    { label: 'bare etcd get p50', unit: 'ms', value: etcd.get.p50 },
    { label: 'bare etcd get p99', unit: 'ms', value: etcd.get.p99 },
    { label: `bare etcd range of ${count(pods)} values`, unit: 'ms', value: etcd.listMs },
    { label: 'ratio get p99 mk/etcd', unit: '', value: mk.get.p99 / etcd.get.p99 },
    { label: 'ratio list mk/etcd', unit: '', value: mk.listMs / etcd.listMs },
  ];
}
