/**
 * A StatefulSet pod's identity (upstream stateful_set_utils.go): its name
 * `<set>-<ordinal>`, the labels naming it and its index, and the stable
 * hostname and subdomain that give it a DNS name under the set's service.
 * The ordinal is read back from the pod's name, never from a label, as
 * upstream does: the name is what the API guarantees unique.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { StatefulSet } from 'kubernetes-types/apps/v1';

/** apps.StatefulSetPodNameLabel: the pod's own name, so a Service can select one pod. */
export const STATEFUL_SET_POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** apps.PodIndexLabel (feature PodIndexLabel, on by default since 1.28): the pod's ordinal. */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/** statefulPodRegex: anything, a dash, then digits at the end. */
const STATEFUL_POD_NAME = /^(.*)-([0-9]+)$/;
const MAX_INT32 = 2 ** 31 - 1;

/** getParentNameAndOrdinal: the set's name and the ordinal a pod name encodes; ordinal -1 when it has none. */
export function parentAndOrdinal(podName: string): { parent: string; ordinal: number } {
  const m = STATEFUL_POD_NAME.exec(podName);
  if (!m) return { parent: '', ordinal: -1 };
  // strconv.ParseInt(s, 10, 32) fails on overflow, leaving the ordinal invalid but the parent known.
  const n = Number(m[2]);
  return { parent: m[1], ordinal: n <= MAX_INT32 ? n : -1 };
}

/** The ordinal of a pod, -1 when its name carries none. */
export function getOrdinal(pod: Readonly<Pod>): number {
  return parentAndOrdinal(pod.metadata?.name ?? '').ordinal;
}

/** spec.replicas, defaulted to 1 as the API server does. */
export function replicaCount(set: Readonly<StatefulSet>): number {
  return set.spec?.replicas ?? 1;
}

/** getStartOrdinal: spec.ordinals.start, or 0. */
export function startOrdinal(set: Readonly<StatefulSet>): number {
  return set.spec?.ordinals?.start ?? 0;
}

/** getEndOrdinal: the last ordinal the set wants (inclusive). */
export function endOrdinal(set: Readonly<StatefulSet>): number {
  return startOrdinal(set) + replicaCount(set) - 1;
}

/** podInOrdinalRange: the pod's ordinal is one the set currently wants. */
export function podInOrdinalRange(pod: Readonly<Pod>, set: Readonly<StatefulSet>): boolean {
  const ordinal = getOrdinal(pod);
  return ordinal >= startOrdinal(set) && ordinal <= endOrdinal(set);
}

/** getPodName: `<set>-<ordinal>`. */
export function podName(set: Readonly<StatefulSet>, ordinal: number): string {
  return `${set.metadata?.name}-${ordinal}`;
}

/** isMemberOf: the pod's name says it belongs to the set. */
export function isMemberOf(set: Readonly<StatefulSet>, pod: Readonly<Pod>): boolean {
  return parentAndOrdinal(pod.metadata?.name ?? '').parent === set.metadata?.name;
}

/** identityMatches: name, namespace and pod-name label are those of a member of the set. */
export function identityMatches(set: Readonly<StatefulSet>, pod: Readonly<Pod>): boolean {
  const { parent, ordinal } = parentAndOrdinal(pod.metadata?.name ?? '');
  return (
    ordinal >= 0 &&
    parent === set.metadata?.name &&
    pod.metadata?.name === podName(set, ordinal) &&
    pod.metadata?.namespace === set.metadata?.namespace &&
    pod.metadata?.labels?.[STATEFUL_SET_POD_NAME_LABEL] === pod.metadata?.name
  );
}

/** updateIdentity: fixes name, namespace and the identity labels of pod (a copy the caller owns). */
export function updateIdentity(set: Readonly<StatefulSet>, pod: Pod): void {
  const ordinal = getOrdinal(pod);
  const meta = (pod.metadata ??= {});
  meta.name = podName(set, ordinal);
  meta.namespace = set.metadata?.namespace;
  meta.labels = { ...(meta.labels ?? {}), [STATEFUL_SET_POD_NAME_LABEL]: meta.name, [POD_INDEX_LABEL]: String(ordinal) };
}

/** initIdentity: updateIdentity plus hostname and subdomain, which are immutable and so only set at creation. */
export function initIdentity(set: Readonly<StatefulSet>, pod: Pod): void {
  updateIdentity(set, pod);
  const spec = (pod.spec ??= { containers: [] });
  spec.hostname = pod.metadata!.name;
  // An empty serviceName clears any subdomain the template had (Go's "" is an omitted field).
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
  else delete spec.subdomain;
}
