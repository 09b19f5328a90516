/**
 * Which nodes a DaemonSet runs on (upstream NodeShouldRunDaemonPod): the
 * daemon pod the node would get — the template with the daemon tolerations —
 * must fit the node's name, nodeSelector and required node affinity, and
 * tolerate its NoSchedule and NoExecute taints. A pod already running may stay
 * on a node whose new taints are only NoSchedule.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node } from 'kubernetes-types/core/v1';
import { matchesRequiredNodeAffinity } from './node-affinity';
import { daemonPodTolerations, findUntoleratedTaint } from './tolerations';

export interface NodeEligibility {
  /** A daemon pod should be created on the node if it has none. */
  shouldRun: boolean;
  /** A daemon pod already on the node may keep running. */
  shouldContinueRunning: boolean;
}

const NEITHER: NodeEligibility = { shouldRun: false, shouldContinueRunning: false };

/** NodeShouldRunDaemonPod. */
export function nodeShouldRunDaemonPod(node: Readonly<Node>, ds: Readonly<DaemonSet>): NodeEligibility {
  const spec = ds.spec?.template?.spec;
  const nodeName = node.metadata?.name ?? '';
  if (spec?.nodeName && spec.nodeName !== nodeName) return NEITHER;
  if (!matchesRequiredNodeAffinity(spec, node)) return NEITHER;

  const taints = node.spec?.taints ?? [];
  const tolerations = daemonPodTolerations(spec);
  const blocking = findUntoleratedTaint(taints, tolerations, (t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
  if (!blocking) return { shouldRun: true, shouldContinueRunning: true };
  // Not a place for a new pod; a running one is only evicted by an untolerated NoExecute taint.
  const evicting = findUntoleratedTaint(taints, tolerations, (t) => t.effect === 'NoExecute');
  return { shouldRun: false, shouldContinueRunning: !evicting };
}
