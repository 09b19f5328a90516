/**
 * Why a pod did not fit (framework.Diagnosis / FitError), and the message
 * users read in FailedScheduling events and the PodScheduled condition:
 *
 *   0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector,
 *   2 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption
 *   victims found for incoming pod..
 *
 * (The doubled final period is upstream's: the preemption part is itself a
 * FitError message ending in "." and the outer format appends another.)
 */
import { Status } from '../framework/status';

/** NoNodeAvailableMsg. */
export function noNodeAvailableMsg(numAllNodes: number): string {
  return `0/${numAllNodes} nodes are available`;
}

/** The error when the cluster has no nodes at all (ErrNoNodesAvailable). */
export const ERR_NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/** Per-node statuses, with one shared status for the nodes not listed (framework.NodeToStatus). */
export class NodeToStatus {
  readonly explicit = new Map<string, Status>();
  constructor(public absent: Status = new Status('UnschedulableAndUnresolvable')) {}

  set(node: string, status: Status): void {
    this.explicit.set(node, status);
  }

  get(node: string): Status {
    return this.explicit.get(node) ?? this.absent;
  }

  get size(): number {
    return this.explicit.size;
  }
}

/** framework.Diagnosis. */
export interface Diagnosis {
  nodeToStatus: NodeToStatus;
  /** Plugins that rejected the pod somewhere: the events that may help it are theirs. */
  unschedulablePlugins: Set<string>;
  preFilterMsg: string;
  postFilterMsg: string;
}

/** A fresh, empty Diagnosis. */
export function newDiagnosis(): Diagnosis {
  return { nodeToStatus: new NodeToStatus(), unschedulablePlugins: new Set(), preFilterMsg: '', postFilterMsg: '' };
}

/** Diagnosis.AddPluginStatus: remember a plugin that rejected the pod. */
export function addPluginStatus(d: Diagnosis, s: Status): void {
  if (s.plugin && s.isRejected()) d.unschedulablePlugins.add(s.plugin);
}

/**
 * FitError.Error(): counts each reason over the nodes (the listed ones, plus
 * the absent ones with the shared status), sorts "N reason" strings as
 * strings, joins them with ", ", and appends the PostFilter (preemption) message.
 */
export function fitErrorMessage(numAllNodes: number, d: Diagnosis): string {
  let msg = `${noNodeAvailableMsg(numAllNodes)}:`;
  if (d.preFilterMsg) {
    msg += ` ${d.preFilterMsg}.`;
  } else {
    const counts = new Map<string, number>();
    for (const status of d.nodeToStatus.explicit.values()) {
      for (const r of status.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    const absentNodes = numAllNodes - d.nodeToStatus.size;
    if (absentNodes > 0) {
      for (const r of d.nodeToStatus.absent.reasons) counts.set(r, (counts.get(r) ?? 0) + absentNodes);
    }
    const parts = [...counts].map(([reason, n]) => `${n} ${reason}`).sort(compareStrings);
    if (parts.length > 0) msg += ` ${parts.join(', ')}.`;
  }
  if (d.postFilterMsg) msg += ` ${d.postFilterMsg}.`;
  return msg;
}

/** Go's sort.Strings order (bytewise; the reasons are ASCII). */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** truncateMessage: events carry at most 1024 characters (validation.NoteLengthLimit). */
export function truncateMessage(message: string, max = 1024): string {
  if (message.length <= max) return message;
  const suffix = ' ...';
  return message.slice(0, max - suffix.length) + suffix;
}
