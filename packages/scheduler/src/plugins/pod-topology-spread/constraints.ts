/**
 * Topology spread constraints as the plugin evaluates them
 * (podtopologyspread/common.go): parsed selectors, node inclusion policies and
 * matching-pod counts. Default spreading (no constraints on the pod) uses the
 * system defaults — hostname maxSkew 3, zone maxSkew 5, ScheduleAnyway — over
 * the pods of the same controlling owner.
 */
import { isEverythingSelector, labelSelectorFromSpec, matchesLabels, newRequirement, type LabelSelector, type LabelSelectorSpec } from '@mk/api';
import type { TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { NodeInfo } from '../../cache/node-info';
import type { PodInfo } from '../../cache/pod-info';
import type { Snapshot } from '../../framework/types';
import { matchesRequiredNodeAffinity, type RequiredNodeAffinity } from '@mk/api';
import { findUntoleratedTaint } from '../taint-toleration/tolerations';

export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_ZONE = 'topology.kubernetes.io/zone';

/** Which pods a constraint counts: a label selector, or the pods of one controlling owner (with the snapshot's counts per node). */
export type PodMatcher = { kind: 'selector'; selector: LabelSelector } | { kind: 'controller'; uid: string; counts?: ReadonlyMap<NodeInfo, number> };

/** topologySpreadConstraint: the internal, parsed form. */
export interface Constraint {
  maxSkew: number;
  topologyKey: string;
  matcher: PodMatcher;
  minDomains: number;
  nodeAffinityPolicy: 'Honor' | 'Ignore';
  nodeTaintsPolicy: 'Honor' | 'Ignore';
}

/** The scheduler's default constraints (podtopologyspread systemDefaultConstraints). */
export const SYSTEM_DEFAULT_CONSTRAINTS = [
  { topologyKey: LABEL_HOSTNAME, maxSkew: 3 },
  { topologyKey: LABEL_ZONE, maxSkew: 5 },
] as const;

/** filterTopologySpreadConstraints: the pod's constraints with this whenUnsatisfiable, matchLabelKeys merged in. */
export function podConstraints(pod: PodInfo, action: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
  const out: Constraint[] = [];
  for (const c of (pod.pod.spec?.topologySpreadConstraints ?? []) as TopologySpreadConstraint[]) {
    if (c.whenUnsatisfiable !== action) continue;
    let selector = labelSelectorFromSpec(c.labelSelector as LabelSelectorSpec | undefined);
    const keys = (c.matchLabelKeys ?? []).filter((k) => k in pod.labels);
    if (keys.length > 0 && !selector.matchesNothing) {
      selector = { matchesNothing: false, requirements: [...keys.map((k) => newRequirement(k, '=', [pod.labels[k]])), ...selector.requirements] };
    }
    out.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      matcher: { kind: 'selector', selector },
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy === 'Ignore' ? 'Ignore' : 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy === 'Honor' ? 'Honor' : 'Ignore',
    });
  }
  return out;
}

/**
 * buildDefaultConstraints. Upstream selects the pods of the Services,
 * ReplicaSets, ReplicationControllers and StatefulSets that select this pod;
 * mk counts the pods of the same controlling owner, which is the same set for
 * workloads and needs no extra informers.
 */
export function defaultConstraints(pod: PodInfo, snapshot: Snapshot): Constraint[] {
  if (!pod.controllerUID) return [];
  const matcher: PodMatcher = { kind: 'controller', uid: pod.controllerUID, counts: snapshot.controllerPodCounts(pod.controllerUID) };
  return SYSTEM_DEFAULT_CONSTRAINTS.map((c) => ({
    maxSkew: c.maxSkew,
    topologyKey: c.topologyKey,
    matcher,
    minDomains: 1,
    nodeAffinityPolicy: 'Honor',
    nodeTaintsPolicy: 'Ignore',
  }));
}

/** True when the pod itself is one the constraint counts. */
export function matcherMatchesPod(m: PodMatcher, pod: PodInfo): boolean {
  return m.kind === 'controller' ? pod.controllerUID === m.uid : matchesLabels(m.selector, pod.labels);
}

/** countPodsMatchSelector: non-terminating pods of the namespace the constraint counts; an empty selector counts none. */
export function countMatchingPods(node: NodeInfo, m: PodMatcher, namespace: string): number {
  if (m.kind === 'controller') return m.counts?.get(node) ?? 0;
  if (isEverythingSelector(m.selector)) return 0;
  let n = 0;
  for (const p of node.pods.values()) {
    if (p.terminating || p.namespace !== namespace) continue;
    if (matchesLabels(m.selector, p.labels)) n++;
  }
  return n;
}

/** nodeLabelsMatchSpreadConstraints: the node has every topology key. */
export function nodeHasAllKeys(node: NodeInfo, constraints: readonly Constraint[]): boolean {
  for (const c of constraints) if (!(c.topologyKey in node.labels)) return false;
  return true;
}

/** matchNodeInclusionPolicies: whether the node's domain counts for this constraint. */
export function nodeIncluded(c: Constraint, pod: PodInfo, node: NodeInfo, required: RequiredNodeAffinity): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !matchesRequiredNodeAffinity(required, node)) return false;
  if (c.nodeTaintsPolicy === 'Honor' && findUntoleratedTaint(node.taints, pod.tolerations)) return false;
  return true;
}
