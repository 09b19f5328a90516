/**
 * The plugin contracts of the scheduling framework, as small interfaces
 * (kube-scheduler framework/interface.go): a FilterPlugin decides per node,
 * a ScorePlugin ranks the nodes that passed. Each phase says which results it
 * may return and what the framework does with them.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { NodeInfo } from '../cache/node-info';
import type { PodInfo } from '../cache/pod-info';
import type { Status } from './status';

/** Highest score a ScorePlugin may give after normalisation (framework.MaxNodeScore). */
export const MAX_NODE_SCORE = 100;

/** Returned by PreFilter / PreScore when the plugin has nothing to do for this pod. */
export const SKIP = Symbol('Skip');
export type Skip = typeof SKIP;

/** The cluster state a scheduling cycle sees. */
export interface Snapshot {
  /** Nodes (with a Node object) in a stable order. */
  readonly nodes: readonly NodeInfo[];
  get(nodeName: string): NodeInfo | undefined;
  /** Nodes holding at least one pod with any (anti-)affinity term. */
  readonly nodesWithAffinity: ReadonlySet<NodeInfo>;
  /** Nodes holding at least one pod with required anti-affinity. */
  readonly nodesWithRequiredAntiAffinity: ReadonlySet<NodeInfo>;
  /** Non-terminating pods of one controlling owner per node (default spreading); undefined when it has none. */
  controllerPodCounts(controllerUID: string): ReadonlyMap<NodeInfo, number> | undefined;
  /** Labels of a namespace, for namespaceSelector in affinity terms; undefined if unknown. */
  namespaceLabels(namespace: string): Readonly<Record<string, string>> | undefined;
}

/** PreFilter's answer: state for Filter, optionally narrowing the candidate nodes (PreFilterResult.NodeNames). */
export interface PreFilterState<S> {
  state: S;
  nodeNames?: ReadonlySet<string>;
}

/**
 * Decides whether a pod may run on a node. filter() returns null when it may,
 * else a Status: Unschedulable (preemption might help), UnschedulableAndUnresolvable
 * (it cannot) or Error (the pod goes to backoff).
 */
export interface FilterPlugin<S = undefined> {
  readonly name: string;
  /** EventsToRegister: cluster events that may make a pod this plugin rejected schedulable. */
  readonly events: readonly EventRegistration[];
  /**
   * Once per scheduling cycle. Returns the state filter() reads, SKIP when
   * filter() has nothing to check for this pod, or a rejecting Status, which
   * applies to every node.
   */
  preFilter?(pod: PodInfo, snapshot: Snapshot): PreFilterState<S> | Skip | Status;
  filter(pod: PodInfo, node: NodeInfo, state: S): Status | null;
  /** PreFilterExtensions for preemption: a copy of the state as if `other` left / joined `node`. */
  removePod?(state: S, pod: PodInfo, other: PodInfo, node: NodeInfo): S;
  addPod?(state: S, pod: PodInfo, other: PodInfo, node: NodeInfo): S;
}

/** Ranks feasible nodes; raw scores are normalised to 0..MAX_NODE_SCORE and weighted by the profile. */
export interface ScorePlugin<S = undefined> {
  readonly name: string;
  /** Once per cycle over the feasible nodes; SKIP leaves this plugin out for the pod (score 0 everywhere). */
  preScore?(pod: PodInfo, nodes: readonly NodeInfo[], snapshot: Snapshot): S | Skip;
  score(pod: PodInfo, node: NodeInfo, state: S): number;
  /** NormalizeScore: rewrite `scores` (parallel to `nodes`) into 0..MAX_NODE_SCORE. */
  normalize?(scores: number[], nodes: readonly NodeInfo[], state: S): void;
}

/** A filter plugin as the framework holds it, whatever its state type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFilterPlugin = FilterPlugin<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyScorePlugin = ScorePlugin<any>;

/** A score plugin and its weight in the profile. */
export interface WeightedScorePlugin {
  plugin: AnyScorePlugin;
  weight: number;
}

/** framework.ActionType bits. */
export const ActionType = {
  Add: 1 << 0,
  Delete: 1 << 1,
  UpdateNodeAllocatable: 1 << 2,
  UpdateNodeLabel: 1 << 3,
  UpdateNodeTaint: 1 << 4,
  UpdateNodeCondition: 1 << 5,
  UpdateNodeAnnotation: 1 << 6,
  UpdatePodLabel: 1 << 7,
  UpdatePodScaleDown: 1 << 8,
  UpdatePodToleration: 1 << 9,
  UpdatePodSchedulingGatesEliminated: 1 << 10,
} as const;

/** A change in the cluster that may make unschedulable pods schedulable. */
export interface ClusterEvent {
  /** 'Pod' means a pod bound to (or assumed on) a node. */
  resource: 'Node' | 'Pod';
  action: number;
  /** Human label, e.g. NodeAdd, AssignedPodDelete (upstream's event labels). */
  label: string;
  oldObj?: Node | Pod;
  newObj?: Node | Pod;
}

/**
 * A plugin's interest in events. `hint` (a QueueingHintFn) may look at the
 * change and return false when it cannot help this pod; without a hint every
 * matching event requeues the pod.
 */
export interface EventRegistration {
  resource: 'Node' | 'Pod';
  actions: number;
  hint?(pod: PodInfo, event: ClusterEvent): boolean;
}

