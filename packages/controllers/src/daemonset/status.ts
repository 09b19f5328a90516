/**
 * A DaemonSet's status counts (upstream updateDaemonSetStatus), as a pure
 * function. For each node that should run a daemon pod, its oldest pod
 * decides whether the node counts as ready, available and up to date; a node
 * that should not run one but has one counts as misscheduled.
 */
import type { DaemonSet, DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { Node } from 'kubernetes-types/core/v1';
import { isPodReady } from '../framework/pods';
import { availableAt, compareByCreationAndPhase, type NodeToPods } from './daemon-pods';
import { isPodUpdated, templateGeneration } from './pod-for-node';
import { nodeShouldRunDaemonPod } from './should-run';

export interface StatusCounts {
  desiredNumberScheduled: number;
  currentNumberScheduled: number;
  numberMisscheduled: number;
  numberReady: number;
  updatedNumberScheduled: number;
  numberAvailable: number;
  numberUnavailable: number;
}

export interface StatusPlan {
  counts: StatusCounts;
  /** When a Ready pod becomes available (minReadySeconds), ms from now: sync again then. */
  recheckAfterMs?: number;
}

/** Counts the DaemonSet's pods against the nodes. */
export function computeStatus(ds: Readonly<DaemonSet>, nodes: readonly Readonly<Node>[], nodeToPods: NodeToPods, hash: string, now: Date): StatusPlan {
  const c: StatusCounts = { desiredNumberScheduled: 0, currentNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0, updatedNumberScheduled: 0, numberAvailable: 0, numberUnavailable: 0 };
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const generation = templateGeneration(ds);
  let nextAvailable = Infinity;
  for (const node of nodes) {
    const pods = nodeToPods.get(node.metadata!.name!) ?? [];
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) {
      if (pods.length > 0) c.numberMisscheduled++;
      continue;
    }
    c.desiredNumberScheduled++;
    if (pods.length === 0) continue;
    c.currentNumberScheduled++;
    const pod = [...pods].sort(compareByCreationAndPhase)[0];
    if (isPodReady(pod)) {
      c.numberReady++;
      const at = availableAt(pod, minReady);
      if (at !== undefined && at <= now.getTime()) c.numberAvailable++;
      else if (at !== undefined) nextAvailable = Math.min(nextAvailable, at);
    }
    if (isPodUpdated(pod, hash, generation)) c.updatedNumberScheduled++;
  }
  c.numberUnavailable = c.desiredNumberScheduled - c.numberAvailable;
  return { counts: c, ...(nextAvailable !== Infinity ? { recheckAfterMs: nextAvailable - now.getTime() } : {}) };
}

/** storeDaemonSetStatus's shortcut: nothing to write when the counts match and the generation is observed. */
export function statusUpToDate(ds: Readonly<DaemonSet>, counts: StatusCounts): boolean {
  const s: DaemonSetStatus = ds.status ?? ({} as DaemonSetStatus);
  const same = (Object.keys(counts) as (keyof StatusCounts)[]).every((k) => (s[k] ?? 0) === counts[k]);
  return same && (s.observedGeneration ?? 0) >= (ds.metadata?.generation ?? 0);
}

/** The status to write over base: the counts, and observedGeneration when this sync acted on that generation. */
export function nextStatus(base: Readonly<DaemonSetStatus> | undefined, counts: StatusCounts, observedGeneration?: number): DaemonSetStatus {
  const status: DaemonSetStatus = { ...structuredClone(base ?? ({} as DaemonSetStatus)), ...counts };
  if (observedGeneration !== undefined) status.observedGeneration = observedGeneration;
  // These fields are omitempty in apps/v1, so a zero is absent as in a real cluster's objects.
  for (const k of OMIT_EMPTY) if (status[k] === 0) delete status[k];
  return status;
}

const OMIT_EMPTY = ['updatedNumberScheduled', 'numberAvailable', 'numberUnavailable'] as const;
