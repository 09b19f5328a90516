/**
 * The pod garbage collector's choices (upstream pkg/controller/podgc gc()),
 * as pure functions over the cached pods and nodes:
 *
 * - terminated pods beyond the threshold, evicted ones first, then oldest;
 * - terminating pods on nodes that are not Ready and carry the
 *   `node.kubernetes.io/out-of-service` taint;
 * - pods bound to a node that does not exist — only after the node has been
 *   missing for the quarantine (40 s) and a live GET confirms it is gone, so a
 *   node the informer has not seen yet is not mistaken for a deleted one;
 * - terminating pods that were never scheduled.
 *
 * Every chosen pod is marked Failed (orphans also get a DisruptionTarget
 * condition) and force-deleted by the applier.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { isPodTerminal } from '../framework/pods';
import { parseTime } from '../framework/time';

/** kube-controller-manager's --terminated-pod-gc-threshold default. */
export const TERMINATED_POD_GC_THRESHOLD = 12_500;
/** How long a node must be missing before its pods count as orphans (upstream quarantineTime). */
export const QUARANTINE_MS = 40_000;
/** How often the collector looks at every pod (upstream gcCheckPeriod). */
export const GC_CHECK_PERIOD_MS = 20_000;
/** v1.TaintNodeOutOfService: the node is shut down and will not come back with its pods. */
export const TAINT_NODE_OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';

/** What one pass looks at. */
export interface PodGCInput {
  pods: readonly Readonly<Pod>[];
  nodes: readonly Readonly<Node>[];
  now: Date;
  /** Missing node name → when it was first seen missing (ms). */
  quarantine: ReadonlyMap<string, number>;
  terminatedPodThreshold: number;
  quarantineMs?: number;
}

/** What one pass decided. */
export interface PodGCPlan {
  /** Pods to mark Failed and force-delete now (each at most once). */
  deletions: Readonly<Pod>[];
  /** Missing nodes whose quarantine is over: ask the API server whether they are really gone. */
  verifyNodes: string[];
  /** The quarantine to keep (replaces the previous one). */
  quarantine: Map<string, number>;
  /** When the next quarantine ends (ms), if any. */
  nextCheckAt?: number;
}

const podKey = (p: Readonly<Pod>) => `${p.metadata?.namespace}/${p.metadata?.name}`;

/** isPodTerminated: any phase but Pending, Running and Unknown (upstream counts an empty phase too). */
export function isPodTerminated(pod: Readonly<Pod>): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Pending' && phase !== 'Running' && phase !== 'Unknown';
}

/** eviction.PodIsEvicted: Failed with reason Evicted. */
function isEvicted(pod: Readonly<Pod>): boolean {
  return pod.status?.phase === 'Failed' && pod.status?.reason === 'Evicted';
}

/** byEvictionAndCreationTimestamp: evicted first, then oldest, then by name. */
export function byEvictionAndCreation(a: Readonly<Pod>, b: Readonly<Pod>): number {
  const ea = isEvicted(a);
  const eb = isEvicted(b);
  if (ea !== eb) return ea ? -1 : 1;
  const ta = parseTime(a.metadata?.creationTimestamp) ?? 0;
  const tb = parseTime(b.metadata?.creationTimestamp) ?? 0;
  if (ta !== tb) return ta - tb;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

function isNodeReady(node: Readonly<Node>): boolean {
  return (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** Terminated pods beyond the threshold, in deletion order. */
export function terminatedOverThreshold(pods: readonly Readonly<Pod>[], threshold: number): Readonly<Pod>[] {
  if (threshold <= 0) return [];
  const terminated = pods.filter(isPodTerminated);
  const excess = terminated.length - threshold;
  return excess > 0 ? [...terminated].sort(byEvictionAndCreation).slice(0, excess) : [];
}

/** Terminating pods on not-Ready nodes tainted out-of-service (upstream gcTerminating). */
export function terminatingOnOutOfServiceNodes(pods: readonly Readonly<Pod>[], nodes: ReadonlyMap<string, Readonly<Node>>): Readonly<Pod>[] {
  return pods
    .filter((p) => {
      if (!p.metadata?.deletionTimestamp) return false;
      const node = nodes.get(p.spec?.nodeName ?? '');
      return !!node && !isNodeReady(node) && (node.spec?.taints ?? []).some((t) => t.key === TAINT_NODE_OUT_OF_SERVICE);
    })
    .sort(byEvictionAndCreation);
}

/** Terminating pods never bound to a node (upstream gcUnscheduledTerminating). */
export function unscheduledTerminating(pods: readonly Readonly<Pod>[]): Readonly<Pod>[] {
  return pods.filter((p) => p.metadata?.deletionTimestamp && !p.spec?.nodeName);
}

/** Pods bound to nodes confirmed deleted. */
export function orphanedPods(pods: readonly Readonly<Pod>[], deletedNodes: ReadonlySet<string>): Readonly<Pod>[] {
  return pods.filter((p) => !!p.spec?.nodeName && deletedNodes.has(p.spec.nodeName));
}

/** One pass of the pod garbage collector, before the orphan check needs the API server. */
export function planPodGC(input: PodGCInput): PodGCPlan {
  const now = input.now.getTime();
  const quarantineMs = input.quarantineMs ?? QUARANTINE_MS;
  const nodes = new Map(input.nodes.map((n) => [n.metadata!.name!, n]));

  // Quarantine: a missing node keeps the time it was first seen missing; nodes that appeared, or that no pod names any more, leave.
  const quarantine = new Map<string, number>();
  for (const pod of input.pods) {
    const node = pod.spec?.nodeName;
    if (!node || nodes.has(node) || quarantine.has(node)) continue;
    quarantine.set(node, input.quarantine.get(node) ?? now);
  }
  const verifyNodes = [...quarantine].filter(([, since]) => now - since >= quarantineMs).map(([name]) => name);
  for (const name of verifyNodes) quarantine.delete(name);
  const waiting = [...quarantine.values()].map((since) => since + quarantineMs);

  const seen = new Set<string>();
  const deletions: Readonly<Pod>[] = [];
  const take = (pods: Readonly<Pod>[]) => {
    for (const p of pods) {
      if (seen.has(podKey(p))) continue;
      seen.add(podKey(p));
      deletions.push(p);
    }
  };
  take(terminatedOverThreshold(input.pods, input.terminatedPodThreshold));
  take(terminatingOnOutOfServiceNodes(input.pods, nodes));
  take(unscheduledTerminating(input.pods));
  return { deletions, verifyNodes, quarantine, ...(waiting.length ? { nextCheckAt: Math.min(...waiting) } : {}) };
}

/** Whether the pod still needs the Failed phase before deletion (terminal pods keep theirs). */
export function needsFailedPhase(pod: Readonly<Pod>): boolean {
  return !isPodTerminal(pod);
}
