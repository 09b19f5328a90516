/** Scoring the feasible nodes and picking one (prioritizeNodes and selectHost). */
import type { NodeInfo } from '../cache/node-info';
import type { PodInfo } from '../cache/pod-info';
import { SKIP, type AnyScorePlugin, type Snapshot, type WeightedScorePlugin } from '../framework/types';

/**
 * Total weighted score per node, parallel to `nodes`: each plugin's scores
 * normalised, times its weight, summed. Scores are computed node by node (all
 * plugins for one node, then the next, as upstream's parallel RunScorePlugins
 * does), which keeps each NodeInfo in cache while it is read.
 */
export function prioritizeNodes(pod: PodInfo, nodes: readonly NodeInfo[], plugins: readonly WeightedScorePlugin[], snapshot: Snapshot): number[] {
  const active: { plugin: AnyScorePlugin; weight: number; state: unknown; scores: number[] }[] = [];
  for (const { plugin, weight } of plugins) {
    const state = plugin.preScore ? plugin.preScore(pod, nodes, snapshot) : undefined;
    if (state !== SKIP) active.push({ plugin, weight, state, scores: new Array<number>(nodes.length) });
  }
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    for (const a of active) a.scores[i] = a.plugin.score(pod, node, a.state);
  }
  const totals = new Array<number>(nodes.length).fill(0);
  for (const a of active) {
    a.plugin.normalize?.(a.scores, nodes, a.state);
    for (let i = 0; i < nodes.length; i++) totals[i] += a.scores[i] * a.weight;
  }
  return totals;
}

/** selectHost: the highest total; ties are broken uniformly at random (reservoir sampling). */
export function selectHost(nodes: readonly NodeInfo[], totals: readonly number[], random: () => number = Math.random): NodeInfo {
  let best = 0;
  let ties = 1;
  for (let i = 1; i < nodes.length; i++) {
    if (totals[i] > totals[best]) {
      best = i;
      ties = 1;
    } else if (totals[i] === totals[best]) {
      ties++;
      if (Math.floor(random() * ties) === 0) best = i;
    }
  }
  return nodes[best];
}
