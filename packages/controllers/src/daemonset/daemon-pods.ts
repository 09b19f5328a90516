/** Facts about a DaemonSet's own pods that the planners share. */
import type { Pod } from 'kubernetes-types/core/v1';
import { isPodReady, isPodTerminal } from '../framework/pods';
import { parseTime } from '../framework/time';
import { targetNodeName } from './pod-for-node';

/** Pods of one DaemonSet by the node they are for. */
export type NodeToPods = Map<string, Readonly<Pod>[]>;

/**
 * getNodesToDaemonPods: the DaemonSet's pods grouped by target node. Pods
 * naming no node are left out; so are pods that are both finished and being
 * deleted (kubelet or pod GC is removing them) unless includeDeletedTerminal,
 * which history cleanup uses so a revision still in use is kept.
 */
export function groupPodsByNode(pods: readonly Readonly<Pod>[], includeDeletedTerminal = false): NodeToPods {
  const byNode: NodeToPods = new Map();
  for (const pod of pods) {
    if (!includeDeletedTerminal && isPodTerminal(pod) && pod.metadata?.deletionTimestamp) continue;
    const node = targetNodeName(pod);
    if (node === undefined) continue;
    const list = byNode.get(node);
    if (list) list.push(pod);
    else byNode.set(node, [pod]);
  }
  return byNode;
}

/** When the pod becomes available (podutil.IsPodAvailable) in ms; undefined when it is not Ready. */
export function availableAt(pod: Readonly<Pod>, minReadySeconds: number): number | undefined {
  if (!isPodReady(pod)) return undefined;
  if (minReadySeconds <= 0) return -Infinity;
  const since = parseTime(pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime);
  // Strictly after the transition plus minReadySeconds, as upstream's Before(now).
  return since === undefined ? undefined : since + minReadySeconds * 1000 + 1;
}

/** podutil.IsPodAvailable: Ready for at least minReadySeconds. */
export function isPodAvailable(pod: Readonly<Pod>, minReadySeconds: number, now: Date): boolean {
  const at = availableAt(pod, minReadySeconds);
  return at !== undefined && at <= now.getTime();
}

/** podByCreationTimestampAndPhase: bound pods first, then oldest first, then by name. */
export function compareByCreationAndPhase(a: Readonly<Pod>, b: Readonly<Pod>): number {
  const aBound = !!a.spec?.nodeName;
  const bBound = !!b.spec?.nodeName;
  if (aBound !== bBound) return aBound ? -1 : 1;
  const at = parseTime(a.metadata?.creationTimestamp) ?? 0;
  const bt = parseTime(b.metadata?.creationTimestamp) ?? 0;
  if (at !== bt) return at - bt;
  const an = a.metadata?.name ?? '';
  const bn = b.metadata?.name ?? '';
  return an < bn ? -1 : an > bn ? 1 : 0;
}
