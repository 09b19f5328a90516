/**
 * InterPodAffinity, Score side: preferred (anti-)affinity of the incoming pod
 * and of running pods, plus running pods' required affinity (weight 1, the
 * default hardPodAffinityWeight), summed per topology pair and min-max
 * normalised to 0..100.
 */
import type { AffinityTerm, PodInfo, WeightedAffinityTerm } from '../../cache/pod-info';
import type { NodeInfo } from '../../cache/node-info';
import { MAX_NODE_SCORE, SKIP, type ScorePlugin, type Snapshot } from '../../framework/types';
import { NAME } from './filtering';
import { termMatches } from './terms';

/** HardPodAffinityWeight default. */
export const HARD_POD_AFFINITY_WEIGHT = 1;

/** topologyScore: topology key → value → summed weight. */
export type TopologyScore = Map<string, Map<string, number>>;

function processTerm(score: TopologyScore, term: AffinityTerm, weight: number, target: PodInfo, node: NodeInfo, snapshot: Snapshot): void {
  if (!termMatches(term, target, snapshot)) return;
  const value = node.labels[term.topologyKey];
  if (value === undefined) return;
  let m = score.get(term.topologyKey);
  if (!m) score.set(term.topologyKey, (m = new Map()));
  m.set(value, (m.get(value) ?? 0) + weight);
}

function processTerms(score: TopologyScore, terms: readonly WeightedAffinityTerm[], target: PodInfo, node: NodeInfo, snapshot: Snapshot, sign: number): void {
  for (const t of terms) processTerm(score, t, t.weight * sign, target, node, snapshot);
}

/** processExistingPod. */
function processExistingPod(score: TopologyScore, pod: PodInfo, existing: PodInfo, node: NodeInfo, snapshot: Snapshot): void {
  processTerms(score, pod.preferredAffinityTerms, existing, node, snapshot, 1);
  processTerms(score, pod.preferredAntiAffinityTerms, existing, node, snapshot, -1);
  for (const t of existing.requiredAffinityTerms) processTerm(score, t, HARD_POD_AFFINITY_WEIGHT, pod, node, snapshot);
  processTerms(score, existing.preferredAffinityTerms, pod, node, snapshot, 1);
  processTerms(score, existing.preferredAntiAffinityTerms, pod, node, snapshot, -1);
}

/** PreScore: only nodes with affinity pods matter unless the incoming pod has preferences of its own. */
export function computeTopologyScore(pod: PodInfo, snapshot: Snapshot): TopologyScore {
  const score: TopologyScore = new Map();
  const hasPreferences = pod.preferredAffinityTerms.length + pod.preferredAntiAffinityTerms.length > 0;
  const nodes = hasPreferences ? snapshot.nodes : snapshot.nodesWithAffinity;
  for (const node of nodes) {
    if (Object.keys(node.labels).length === 0) continue;
    for (const existing of (hasPreferences ? node.pods : node.podsWithAffinity).values()) processExistingPod(score, pod, existing, node, snapshot);
  }
  return score;
}

export const interPodAffinityScore = {
  name: NAME,
  preScore(pod, _nodes, snapshot) {
    const score = computeTopologyScore(pod, snapshot);
    return score.size === 0 ? SKIP : score;
  },
  score(_pod, node, topologyScore) {
    let total = 0;
    for (const [key, values] of topologyScore) {
      const value = node.labels[key];
      if (value !== undefined) total += values.get(value) ?? 0;
    }
    return total;
  },
  normalize(scores) {
    let min = Infinity;
    let max = -Infinity;
    for (const s of scores) {
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    const diff = max - min;
    for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i] - min) / diff)) : 0;
  },
} satisfies ScorePlugin<TopologyScore>;
