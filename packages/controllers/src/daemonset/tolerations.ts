/**
 * The tolerations every daemon pod gets (upstream util.AddOrUpdateDaemonPodTolerations):
 * a DaemonSet runs node-level agents, so its pods must survive the node
 * problems that evict ordinary pods (not-ready, unreachable) and be placed on
 * nodes whose conditions keep ordinary pods away (pressure, cordoned).
 */
import type { PodSpec, Taint, Toleration } from 'kubernetes-types/core/v1';
import { toleratesTaint } from '@mk/api';

const exists = (key: string, effect: 'NoExecute' | 'NoSchedule'): Toleration => ({ key, operator: 'Exists', effect });

/** The tolerations added to every daemon pod, in upstream's order. */
export const DAEMON_POD_TOLERATIONS: readonly Toleration[] = [
  // No tolerationSeconds: the taint eviction controller must never evict a daemon pod.
  exists('node.kubernetes.io/not-ready', 'NoExecute'),
  exists('node.kubernetes.io/unreachable', 'NoExecute'),
  exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
  exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
  exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
  exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
];

/** Only pods on the host network can run before the node's network is configured. */
export const HOST_NETWORK_TOLERATION: Readonly<Toleration> = exists('node.kubernetes.io/network-unavailable', 'NoSchedule');

/** Toleration.MatchToleration: same key, operator, value and effect (tolerationSeconds aside). */
function sameToleration(a: Readonly<Toleration>, b: Readonly<Toleration>): boolean {
  return (a.key ?? '') === (b.key ?? '') && (a.operator ?? '') === (b.operator ?? '') && (a.value ?? '') === (b.value ?? '') && (a.effect ?? '') === (b.effect ?? '');
}

/** v1helper.AddOrUpdateTolerationInPodSpec: replaces the matching toleration (so a user's time limit goes), else appends. */
function addOrUpdate(tolerations: Toleration[], toleration: Readonly<Toleration>): Toleration[] {
  let updated = false;
  const out = tolerations.map((t) => {
    if (!sameToleration(t, toleration)) return t;
    updated = true;
    return { ...toleration };
  });
  if (!updated) out.push({ ...toleration });
  return out;
}

/** The pod spec's tolerations with the daemon pod tolerations added or updated. */
export function daemonPodTolerations(spec: Readonly<PodSpec> | undefined): Toleration[] {
  let tolerations = (spec?.tolerations ?? []).map((t) => ({ ...t }));
  for (const t of DAEMON_POD_TOLERATIONS) tolerations = addOrUpdate(tolerations, t);
  if (spec?.hostNetwork) tolerations = addOrUpdate(tolerations, HOST_NETWORK_TOLERATION);
  return tolerations;
}

/** v1helper.FindMatchingUntoleratedTaint: the first taint passing the filter that no toleration tolerates. */
export function findUntoleratedTaint(
  taints: readonly Readonly<Taint>[],
  tolerations: readonly Readonly<Toleration>[],
  filter: (taint: Readonly<Taint>) => boolean,
): Readonly<Taint> | undefined {
  return taints.find((taint) => filter(taint) && !tolerations.some((t) => toleratesTaint(t, taint)));
}
