/** Matching pods against (anti-)affinity terms and counting per topology pair (interpodaffinity helpers). */
import { matchesLabels } from '@mk/api';
import type { AffinityTerm, PodInfo } from '../../cache/pod-info';
import type { NodeInfo } from '../../cache/node-info';
import type { Snapshot } from '../../framework/types';

/** Counts keyed by topology pair `key\0value`. */
export type PairCounts = Map<string, number>;

/** The map key of a topology pair. */
export function pairKey(key: string, value: string): string {
  return `${key}\0${value}`;
}

/** AffinityTerm.Matches: the pod's namespace is listed or selected, and its labels match. */
export function termMatches(term: AffinityTerm, pod: PodInfo, snapshot: Snapshot): boolean {
  if (!term.namespaces.has(pod.namespace)) {
    if (term.namespaceSelector.matchesNothing) return false;
    if (!matchesLabels(term.namespaceSelector, snapshot.namespaceLabels(pod.namespace))) return false;
  }
  return matchesLabels(term.selector, pod.labels);
}

/** podMatchesAllAffinityTerms: false for no terms. */
export function matchesAllTerms(terms: readonly AffinityTerm[], pod: PodInfo, snapshot: Snapshot): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!termMatches(t, pod, snapshot)) return false;
  return true;
}

function bump(counts: PairCounts, k: string, delta: number): void {
  const n = (counts.get(k) ?? 0) + delta;
  if (n === 0) counts.delete(k);
  else counts.set(k, n);
}

/** updateWithAffinityTerms: if `target` matches all terms, each term's topology pair on `node` gains `delta`. */
export function addAffinityMatches(counts: PairCounts, terms: readonly AffinityTerm[], target: PodInfo, node: NodeInfo, snapshot: Snapshot, delta: number): void {
  if (!matchesAllTerms(terms, target, snapshot)) return;
  for (const t of terms) {
    const value = node.labels[t.topologyKey];
    if (value !== undefined) bump(counts, pairKey(t.topologyKey, value), delta);
  }
}

/** updateWithAntiAffinityTerms: each term `target` matches adds `delta` to its topology pair on `node`. */
export function addAntiAffinityMatches(counts: PairCounts, terms: readonly AffinityTerm[], target: PodInfo, node: NodeInfo, snapshot: Snapshot, delta: number): void {
  for (const t of terms) {
    if (!termMatches(t, target, snapshot)) continue;
    const value = node.labels[t.topologyKey];
    if (value !== undefined) bump(counts, pairKey(t.topologyKey, value), delta);
  }
}
