/**
 * Per-pod storage from volumeClaimTemplates (upstream stateful_set_utils.go):
 * each template gives pod `<set>-<n>` its own claim `<template>-<set>-<n>`,
 * and the pod mounts it as a volume named after the template. Claims outlive
 * their pods: a replacement pod with the same ordinal gets the same data.
 */
import type { PersistentVolumeClaim, Pod, Volume } from 'kubernetes-types/core/v1';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { getOrdinal } from './identity';

/** getPersistentVolumeClaimName: `<template>-<set>-<ordinal>`. */
export function claimName(set: Readonly<StatefulSet>, templateName: string, ordinal: number): string {
  return `${templateName}-${set.metadata?.name}-${ordinal}`;
}

/** The claim templates' names (the pod volumes they become). */
export function claimTemplateNames(set: Readonly<StatefulSet>): string[] {
  return (set.spec?.volumeClaimTemplates ?? []).map((t) => t.metadata?.name ?? '');
}

/**
 * getPersistentVolumeClaims: the claims the pod with this ordinal needs, in
 * template order, labelled with the template's labels plus the set's
 * matchLabels (upstream's choice, so the claims can be listed by selector).
 */
export function claimsForOrdinal(set: Readonly<StatefulSet>, ordinal: number): PersistentVolumeClaim[] {
  const matchLabels = set.spec?.selector?.matchLabels ?? {};
  return (set.spec?.volumeClaimTemplates ?? []).map((template) => {
    const t = structuredClone(template) as PersistentVolumeClaim;
    const meta = { ...(t.metadata ?? {}) } as Record<string, unknown>;
    // The API serialises templates with Go's `creationTimestamp: null`; a new object has none.
    delete meta.creationTimestamp;
    const labels = { ...((meta.labels as Record<string, string> | undefined) ?? {}), ...matchLabels };
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { ...meta, name: claimName(set, t.metadata?.name ?? '', ordinal), namespace: set.metadata?.namespace, ...(Object.keys(labels).length ? { labels } : {}) },
      spec: t.spec ?? {},
    };
  });
}

/** The claims pod needs (by the ordinal in its name). */
export function claimsForPod(set: Readonly<StatefulSet>, pod: Readonly<Pod>): PersistentVolumeClaim[] {
  return claimsForOrdinal(set, getOrdinal(pod));
}

/** storageMatches: every claim template is mounted from the pod's own claim. */
export function storageMatches(set: Readonly<StatefulSet>, pod: Readonly<Pod>): boolean {
  const ordinal = getOrdinal(pod);
  if (ordinal < 0) return false;
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  return claimTemplateNames(set).every((name) => volumes.get(name)?.persistentVolumeClaim?.claimName === claimName(set, name, ordinal));
}

/** updateStorage: the template volumes point at the pod's claims, replacing same-named volumes of the pod spec. */
export function updateStorage(set: Readonly<StatefulSet>, pod: Pod): void {
  const ordinal = getOrdinal(pod);
  const names = claimTemplateNames(set);
  const claimVolumes: Volume[] = names.map((name) => ({ name, persistentVolumeClaim: { claimName: claimName(set, name, ordinal) } }));
  const spec = (pod.spec ??= { containers: [] });
  const others = (spec.volumes ?? []).filter((v) => !names.includes(v.name));
  spec.volumes = [...claimVolumes, ...others];
}
