/**
 * InterPodAffinity, Filter side: required pod affinity (the topology domain
 * must already hold a matching pod), required anti-affinity (it must hold
 * none), and the anti-affinity of pods already running, which the new pod must
 * not violate.
 */
import type { NodeInfo } from '../../cache/node-info';
import type { PodInfo } from '../../cache/pod-info';
import { errorStatus, unresolvable, unschedulable } from '../../framework/status';
import { ActionType, SKIP, type FilterPlugin, type Snapshot } from '../../framework/types';
import { addAffinityMatches, addAntiAffinityMatches, matchesAllTerms, pairKey, type PairCounts } from './terms';

export const NAME = 'InterPodAffinity';
export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";

/** preFilterState. */
export interface AffinityState {
  /** Pairs where running pods' required anti-affinity matches the incoming pod. */
  existingAntiAffinity: PairCounts;
  /** Pairs holding pods that match all of the incoming pod's affinity terms. */
  affinity: PairCounts;
  /** Pairs holding pods matching any of the incoming pod's anti-affinity terms. */
  antiAffinity: PairCounts;
  snapshot: Snapshot;
}

/** PreFilter: the three pair counts, from the nodes of the snapshot. */
export function computeAffinityState(pod: PodInfo, snapshot: Snapshot): AffinityState {
  const state: AffinityState = { existingAntiAffinity: new Map(), affinity: new Map(), antiAffinity: new Map(), snapshot };
  for (const node of snapshot.nodesWithRequiredAntiAffinity) {
    for (const existing of node.podsWithRequiredAntiAffinity.values()) {
      addAntiAffinityMatches(state.existingAntiAffinity, existing.requiredAntiAffinityTerms, pod, node, snapshot, 1);
    }
  }
  if (pod.requiredAffinityTerms.length + pod.requiredAntiAffinityTerms.length > 0) {
    for (const node of snapshot.nodes) {
      for (const existing of node.pods.values()) {
        addAffinityMatches(state.affinity, pod.requiredAffinityTerms, existing, node, snapshot, 1);
        addAntiAffinityMatches(state.antiAffinity, pod.requiredAntiAffinityTerms, existing, node, snapshot, 1);
      }
    }
  }
  return state;
}

/** satisfyPodAffinity; a pod whose terms match itself may start a group when no matching pod exists anywhere. */
export function satisfiesPodAffinity(pod: PodInfo, node: NodeInfo, state: AffinityState): boolean {
  let podsExist = true;
  for (const t of pod.requiredAffinityTerms) {
    const value = node.labels[t.topologyKey];
    if (value === undefined) return false;
    if ((state.affinity.get(pairKey(t.topologyKey, value)) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  return state.affinity.size === 0 && matchesAllTerms(pod.requiredAffinityTerms, pod, state.snapshot);
}

/** satisfyPodAntiAffinity. */
export function satisfiesPodAntiAffinity(pod: PodInfo, node: NodeInfo, state: AffinityState): boolean {
  for (const t of pod.requiredAntiAffinityTerms) {
    const value = node.labels[t.topologyKey];
    if (value !== undefined && (state.antiAffinity.get(pairKey(t.topologyKey, value)) ?? 0) > 0) return false;
  }
  return true;
}

/** satisfyExistingPodsAntiAffinity. */
export function satisfiesExistingPodsAntiAffinity(node: NodeInfo, state: AffinityState): boolean {
  if (state.existingAntiAffinity.size === 0) return true;
  for (const key in node.labels) {
    if ((state.existingAntiAffinity.get(pairKey(key, node.labels[key])) ?? 0) > 0) return false;
  }
  return true;
}

function updated(state: AffinityState, pod: PodInfo, other: PodInfo, node: NodeInfo, delta: number): AffinityState {
  const copy: AffinityState = { ...state, existingAntiAffinity: new Map(state.existingAntiAffinity), affinity: new Map(state.affinity), antiAffinity: new Map(state.antiAffinity) };
  addAntiAffinityMatches(copy.existingAntiAffinity, other.requiredAntiAffinityTerms, pod, node, state.snapshot, delta);
  addAffinityMatches(copy.affinity, pod.requiredAffinityTerms, other, node, state.snapshot, delta);
  addAntiAffinityMatches(copy.antiAffinity, pod.requiredAntiAffinityTerms, other, node, state.snapshot, delta);
  return copy;
}

export const interPodAffinityFilter = {
  name: NAME,
  events: [
    { resource: 'Pod', actions: ActionType.Add | ActionType.UpdatePodLabel | ActionType.Delete },
    { resource: 'Node', actions: ActionType.Add | ActionType.UpdateNodeLabel },
  ],
  preFilter(pod, snapshot) {
    if (pod.affinityParseError) return errorStatus(`parsing pod: ${pod.affinityParseError}`);
    const hasTerms = pod.requiredAffinityTerms.length + pod.requiredAntiAffinityTerms.length > 0;
    if (!hasTerms && snapshot.nodesWithRequiredAntiAffinity.size === 0) return SKIP;
    return { state: computeAffinityState(pod, snapshot) };
  },
  filter(pod, node, state) {
    if (!satisfiesPodAffinity(pod, node, state)) return unresolvable(ERR_REASON_AFFINITY_RULES_NOT_MATCH);
    if (!satisfiesPodAntiAffinity(pod, node, state)) return unschedulable(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
    if (!satisfiesExistingPodsAntiAffinity(node, state)) return unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);
    return null;
  },
  addPod: (state, pod, other, node) => updated(state, pod, other, node, 1),
  removePod: (state, pod, other, node) => updated(state, pod, other, node, -1),
} satisfies FilterPlugin<AffinityState>;
