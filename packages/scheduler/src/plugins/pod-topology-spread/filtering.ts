/**
 * PodTopologySpread, Filter side: a DoNotSchedule constraint lets a pod onto
 * a node only if, counting the pod, its topology domain would hold at most
 * maxSkew more matching pods than the emptiest eligible domain.
 */
import { matchesLabels } from '@mk/api';
import type { Pod } from 'kubernetes-types/core/v1';
import type { NodeInfo } from '../../cache/node-info';
import type { PodInfo } from '../../cache/pod-info';
import { errorStatus, unresolvable, unschedulable } from '../../framework/status';
import { ActionType, SKIP, type FilterPlugin } from '../../framework/types';
import { requiredNodeAffinity, type RequiredNodeAffinity } from '@mk/api';
import { countMatchingPods, matcherMatchesPod, nodeHasAllKeys, nodeIncluded, podConstraints, type Constraint } from './constraints';

export const NAME = 'PodTopologySpread';
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

/** preFilterState: matching pods per topology key and value, and per key the emptiest domain and domain count. */
export interface SpreadState {
  constraints: Constraint[];
  required: RequiredNodeAffinity;
  counts: Map<string, Map<string, number>>;
}

function countsOf(state: SpreadState, key: string): Map<string, number> {
  let m = state.counts.get(key);
  if (!m) state.counts.set(key, (m = new Map()));
  return m;
}

/** minMatchNum: the global minimum, or 0 while fewer than minDomains domains exist. */
export function minMatchNum(state: SpreadState, c: Constraint): number {
  const domains = state.counts.get(c.topologyKey);
  if (!domains || domains.size < c.minDomains) return 0;
  let min = Infinity;
  for (const n of domains.values()) if (n < min) min = n;
  return min;
}

/** calPreFilterState over all nodes of the snapshot. */
export function computeSpreadState(pod: PodInfo, nodes: readonly NodeInfo[], constraints: Constraint[]): SpreadState {
  const state: SpreadState = { constraints, required: requiredNodeAffinity(pod.pod), counts: new Map() };
  for (const node of nodes) {
    if (!nodeHasAllKeys(node, constraints)) continue;
    for (const c of constraints) {
      if (!nodeIncluded(c, pod, node, state.required)) continue;
      const m = countsOf(state, c.topologyKey);
      const value = node.labels[c.topologyKey];
      m.set(value, (m.get(value) ?? 0) + countMatchingPods(node, c.matcher, pod.namespace));
    }
  }
  return state;
}

/** The state as if `other` joined (delta 1) or left (-1) `node` (PreFilterExtensions for preemption). */
function updatedWithPod(state: SpreadState, pod: PodInfo, other: PodInfo, node: NodeInfo, delta: number): SpreadState {
  const copy: SpreadState = { ...state, counts: new Map([...state.counts].map(([k, m]) => [k, new Map(m)])) };
  if (other.namespace !== pod.namespace || !nodeHasAllKeys(node, state.constraints)) return copy;
  for (const c of state.constraints) {
    if (other.terminating || !matcherMatchesPod(c.matcher, other) || !nodeIncluded(c, pod, node, state.required)) continue;
    const m = countsOf(copy, c.topologyKey);
    const value = node.labels[c.topologyKey];
    m.set(value, (m.get(value) ?? 0) + delta);
  }
  return copy;
}

export const podTopologySpreadFilter = {
  name: NAME,
  events: [
    { resource: 'Pod', actions: ActionType.Add | ActionType.UpdatePodLabel | ActionType.Delete, hint: (pod, e) => podChangeMatters(pod, e.oldObj as Pod, e.newObj as Pod) },
    { resource: 'Node', actions: ActionType.Add | ActionType.Delete | ActionType.UpdateNodeLabel | ActionType.UpdateNodeTaint },
  ],
  preFilter(pod, snapshot) {
    let constraints: Constraint[];
    try {
      constraints = podConstraints(pod, 'DoNotSchedule');
    } catch (e) {
      return errorStatus(`obtaining pod's hard topology spread constraints: ${(e as Error).message}`);
    }
    if (constraints.length === 0) return SKIP;
    return { state: computeSpreadState(pod, snapshot.nodes, constraints) };
  },
  filter(pod, node, state) {
    for (const c of state.constraints) {
      const value = node.labels[c.topologyKey];
      if (value === undefined) return unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
      const self = matcherMatchesPod(c.matcher, pod) ? 1 : 0;
      const matched = state.counts.get(c.topologyKey)?.get(value) ?? 0;
      if (matched + self - minMatchNum(state, c) > c.maxSkew) return unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
    }
    return null;
  },
  addPod: (state, pod, other, node) => updatedWithPod(state, pod, other, node, 1),
  removePod: (state, pod, other, node) => updatedWithPod(state, pod, other, node, -1),
} satisfies FilterPlugin<SpreadState>;

/**
 * isSchedulableAfterPodChange: a scheduled pod appearing, leaving or changing
 * labels matters only if a constraint's selector picks it up (or drops it).
 */
function podChangeMatters(pod: PodInfo, oldPod?: Pod, newPod?: Pod): boolean {
  if ((newPod && !newPod.spec?.nodeName) || (oldPod && !oldPod.spec?.nodeName)) return false;
  let constraints: Constraint[];
  try {
    constraints = podConstraints(pod, 'DoNotSchedule');
  } catch {
    return true;
  }
  const selects = (c: Constraint, p: Pod) => c.matcher.kind === 'selector' && matchesLabels(c.matcher.selector, p.metadata?.labels);
  if (oldPod && newPod) return constraints.some((c) => selects(c, oldPod) !== selects(c, newPod));
  const changed = newPod ?? oldPod;
  return !!changed && constraints.some((c) => selects(c, changed));
}
