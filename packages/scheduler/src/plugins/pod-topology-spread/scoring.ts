/**
 * PodTopologySpread, Score side: ScheduleAnyway constraints (or the system
 * defaults for pods without constraints) prefer nodes whose domains hold fewer
 * matching pods. Raw score: Σ count × log(domains + 2) + (maxSkew − 1); then
 * normalised so the least crowded node gets 100.
 */
import type { NodeInfo } from '../../cache/node-info';
import type { PodInfo } from '../../cache/pod-info';
import { MAX_NODE_SCORE, SKIP, type ScorePlugin, type Snapshot } from '../../framework/types';
import { requiredNodeAffinity } from '@mk/api';
import { countMatchingPods, defaultConstraints, LABEL_HOSTNAME, nodeHasAllKeys, nodeIncluded, podConstraints, type Constraint } from './constraints';
import { NAME } from './filtering';

/** preScoreState. */
export interface SpreadScoreState {
  constraints: Constraint[];
  ignoredNodes: Set<string>;
  /** Per constraint: matching pods per topology value (unused for hostname, counted per node at Score). */
  counts: Map<string, number>[];
  weights: number[];
  namespace: string;
}

/** topologyNormalizingWeight: smaller topologies weigh less, so many small domains are not watered down. */
export function topologyNormalizingWeight(size: number): number {
  return Math.log(size + 2);
}

/** scoreForCount. */
export function scoreForCount(count: number, maxSkew: number, weight: number): number {
  return count * weight + (maxSkew - 1);
}

/** PreScore over the feasible nodes, counting matching pods over all nodes of the snapshot. */
export function computeSpreadScoreState(pod: PodInfo, feasible: readonly NodeInfo[], snapshot: Snapshot): SpreadScoreState | undefined {
  const own = pod.pod.spec?.topologySpreadConstraints ?? [];
  const constraints = own.length > 0 ? podConstraints(pod, 'ScheduleAnyway') : defaultConstraints(pod, snapshot);
  if (constraints.length === 0) return undefined;
  // Only constraints the user wrote require every topology key; with the defaults a node without a zone still spreads by hostname.
  const requireAll = own.length > 0;
  const state: SpreadScoreState = { constraints, ignoredNodes: new Set(), counts: constraints.map(() => new Map()), weights: [], namespace: pod.namespace };
  const sizes = constraints.map(() => 0);
  for (const node of feasible) {
    if (requireAll && !nodeHasAllKeys(node, constraints)) {
      state.ignoredNodes.add(node.name);
      continue;
    }
    for (let i = 0; i < constraints.length; i++) {
      // Hostname domains are counted per node at Score.
      if (constraints[i].topologyKey === LABEL_HOSTNAME) continue;
      const value = node.labels[constraints[i].topologyKey];
      if (value === undefined || state.counts[i].has(value)) continue;
      state.counts[i].set(value, 0);
      sizes[i]++;
    }
  }
  state.weights = constraints.map((c, i) => topologyNormalizingWeight(c.topologyKey === LABEL_HOSTNAME ? feasible.length - state.ignoredNodes.size : sizes[i]));

  // Domains are counted over every node, not just the feasible ones; skip the pass when no constraint needs it.
  if (state.counts.every((m) => m.size === 0)) return state;
  const required = requiredNodeAffinity(pod.pod);
  for (const node of snapshot.nodes) {
    if (requireAll && !nodeHasAllKeys(node, constraints)) continue;
    constraints.forEach((c, i) => {
      const value = node.labels[c.topologyKey];
      const current = value === undefined ? undefined : state.counts[i].get(value);
      if (current === undefined || !nodeIncluded(c, pod, node, required)) return;
      state.counts[i].set(value, current + countMatchingPods(node, c.matcher, pod.namespace));
    });
  }
  return state;
}

export const podTopologySpreadScore = {
  name: NAME,
  preScore(pod, nodes, snapshot) {
    try {
      return computeSpreadScoreState(pod, nodes, snapshot) ?? SKIP;
    } catch {
      // An unparsable selector was already reported by the filter side; scoring just leaves the pod out.
      return SKIP;
    }
  },
  score(_pod, node, s) {
    if (s.ignoredNodes.size > 0 && s.ignoredNodes.has(node.name)) return 0;
    let score = 0;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i];
      const value = node.labels[c.topologyKey];
      if (value === undefined) continue;
      const count = c.topologyKey === LABEL_HOSTNAME ? countMatchingPods(node, c.matcher, s.namespace) : (s.counts[i].get(value) ?? 0);
      score += scoreForCount(count, c.maxSkew, s.weights[i]);
    }
    return Math.round(score);
  },
  normalize(scores, nodes, s) {
    let min = Infinity;
    let max = 0;
    for (let i = 0; i < nodes.length; i++) {
      if (s.ignoredNodes.has(nodes[i].name)) continue;
      if (scores[i] < min) min = scores[i];
      if (scores[i] > max) max = scores[i];
    }
    for (let i = 0; i < nodes.length; i++) {
      if (s.ignoredNodes.has(nodes[i].name)) scores[i] = 0;
      else if (max === 0) scores[i] = MAX_NODE_SCORE;
      else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i])) / max);
    }
  },
} satisfies ScorePlugin<SpreadScoreState>;
