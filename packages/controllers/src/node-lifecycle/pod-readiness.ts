/**
 * Upstream MarkPodsNotReady: the kubelet of an unreachable node cannot report
 * that its pods stopped serving, so the controller flips their Ready condition
 * to False and Services stop sending them traffic.
 *
 * Upstream does it when it marks the node Unknown (and for pods bound to such
 * a node later); here it is level-triggered — every pod on an Unknown node
 * whose Ready condition is not False — which covers both and survives
 * restarts. A node that reports Ready=False itself still has a kubelet that
 * owns its pods' conditions, so it is left alone. Pods already terminating
 * are skipped too (upstream marks them as well): they are out of Service
 * endpoints already, and a status write would only race their deletion.
 */
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import { rfc3339 } from '../framework/time';

export interface PodNotReadyUpdate {
  namespace: string;
  name: string;
  uid?: string;
  /** The cached pod's resourceVersion the update is based on. */
  resourceVersion?: string;
  /** The pod's Ready condition as it should become (other fields of the condition kept). */
  condition: PodCondition;
}

/** Pods on nodeName whose Ready condition must become False because the node is unreachable. */
export function podsToMarkNotReady(pods: readonly Readonly<Pod>[], nodeName: string, nodeReadyStatus: string | undefined, now: Date): PodNotReadyUpdate[] {
  if (nodeReadyStatus !== 'Unknown') return [];
  const out: PodNotReadyUpdate[] = [];
  for (const pod of pods) {
    // Terminating pods are marked too, as upstream's MarkPodsNotReady does: status writes do not end their grace period.
    if (pod.spec?.nodeName !== nodeName) continue;
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
    // Upstream only flips an existing Ready condition; a pod that never got one is not ready anyway.
    if (!ready || ready.status === 'False') continue;
    out.push({
      namespace: pod.metadata!.namespace!,
      name: pod.metadata!.name!,
      uid: pod.metadata?.uid,
      resourceVersion: pod.metadata?.resourceVersion,
      condition: { ...structuredClone(ready as PodCondition), status: 'False', lastTransitionTime: rfc3339(now) },
    });
  }
  return out;
}
