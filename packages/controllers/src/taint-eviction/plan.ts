/**
 * The taint eviction controller's decision for the pods of one node (upstream
 * pkg/controller/tainteviction processPodOnNode), as a pure function: a pod
 * that does not tolerate every NoExecute taint of its node is deleted now; a
 * pod that tolerates them for a while is deleted once the shortest
 * tolerationSeconds has passed; a pod that tolerates them forever stays.
 *
 * The toleration clock starts when the node got its NoExecute taint (the
 * earliest timeAdded) and, as upstream, an eviction already scheduled keeps
 * its start, so swapping not-ready for unreachable does not restart it.
 */
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { parseTime } from '../framework/time';
import { matchingTolerations, minTolerationMs } from './tolerations';

export interface PodRef {
  namespace: string;
  name: string;
  uid?: string;
}

export interface TaintEvictionInput {
  /** The node; undefined once it is deleted (nothing left to evict for). */
  node?: Readonly<Node>;
  /** Pods bound to the node. */
  pods: readonly Readonly<Pod>[];
  now: Date;
  /** Evictions this controller is waiting on for the node's pods: pod key → when the toleration clock started (ms). */
  scheduled: ReadonlyMap<string, number>;
}

export interface TaintEvictionPlan {
  /** Pods to delete now. */
  evict: PodRef[];
  /** Evictions to keep waiting on: pod key → clock start (ms); replaces the node's previous map. */
  scheduled: Map<string, number>;
  /** Scheduled evictions that no longer apply (recorded as "Cancelling deletion"). */
  cancelled: PodRef[];
  /** When the next scheduled eviction is due (ms), if any. */
  nextEvictionAt?: number;
}

/** NoExecute taints of the node. */
export function noExecuteTaints(node: Readonly<Node> | undefined): Readonly<Taint>[] {
  return (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/** When the node's NoExecute taints began (earliest timeAdded; now when none is stamped). */
function taintedSince(taints: readonly Readonly<Taint>[], now: number): number {
  const stamps = taints.map((t) => parseTime(t.timeAdded)).filter((t): t is number => t !== undefined);
  return stamps.length ? Math.min(...stamps) : now;
}

const refOf = (pod: Readonly<Pod>): PodRef => ({ namespace: pod.metadata!.namespace!, name: pod.metadata!.name!, uid: pod.metadata?.uid });

function refFromKey(key: string): PodRef {
  const i = key.indexOf('/');
  return { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** Plans evictions for the pods of one node. */
export function planTaintEviction(input: TaintEvictionInput): TaintEvictionPlan {
  const now = input.now.getTime();
  const taints = noExecuteTaints(input.node);
  const plan: TaintEvictionPlan = { evict: [], scheduled: new Map(), cancelled: [] };
  const seen = new Set<string>();

  for (const pod of input.pods) {
    const key = `${pod.metadata!.namespace}/${pod.metadata!.name}`;
    seen.add(key);
    // Already being deleted (by us or anyone): deleting again changes nothing.
    if (pod.metadata?.deletionTimestamp) continue;
    const wasScheduled = input.scheduled.get(key);
    const cancel = () => wasScheduled !== undefined && plan.cancelled.push(refOf(pod));
    if (taints.length === 0) {
      cancel();
      continue;
    }
    const { allTolerated, used } = matchingTolerations(taints, pod.spec?.tolerations ?? []);
    if (!allTolerated) {
      cancel();
      plan.evict.push(refOf(pod));
      continue;
    }
    const tolerated = minTolerationMs(used);
    if (tolerated === Infinity) {
      cancel();
      continue;
    }
    const start = wasScheduled ?? taintedSince(taints, now);
    const due = start + tolerated;
    if (due <= now) {
      plan.evict.push(refOf(pod));
      continue;
    }
    plan.scheduled.set(key, start);
    plan.nextEvictionAt = Math.min(plan.nextEvictionAt ?? Infinity, due);
  }
  // A pod that vanished while its eviction was pending: upstream cancels it with an event too.
  for (const key of input.scheduled.keys()) if (!seen.has(key)) plan.cancelled.push(refFromKey(key));
  return plan;
}
