/**
 * Which ReplicaSet runs the Deployment's current template (deployment util
 * EqualIgnoreHash, FindNewReplicaSet, FindOldReplicaSets). Templates are
 * compared as apimachinery's Semantic.DeepEqual compares decoded objects:
 * a null field equals a missing one and an empty list or map equals none;
 * only the pod-template-hash label is ignored. This is the comparison
 * kubectl's client-side `rollout undo` relies on, so the controller copies
 * templates into ReplicaSets verbatim.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { POD_TEMPLATE_HASH_LABEL } from './constants';
import type { D } from './fenceposts';
import { compareByCreation, sortedBy, type RS } from './replica-sets';

/** The value with nulls, empty lists and empty maps removed (what Semantic.DeepEqual cannot tell apart). */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? value.map(normalize) : undefined;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const n = normalize(v);
      if (n !== undefined) out[k] = n;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value === null ? undefined : value;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function withoutHashLabel(t: Readonly<PodTemplateSpec> | undefined): unknown {
  const labels = { ...(t?.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  return normalize({ ...t, metadata: { ...t?.metadata, labels } });
}

/** EqualIgnoreHash: the templates are semantically equal apart from the pod-template-hash label. */
export function equalIgnoreHash(a: Readonly<PodTemplateSpec> | undefined, b: Readonly<PodTemplateSpec> | undefined): boolean {
  return deepEqual(withoutHashLabel(a), withoutHashLabel(b));
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template is the Deployment's (several can exist after upgrades). */
export function findNewReplicaSet(d: D, rsList: readonly RS[]): RS | undefined {
  return sortedBy(rsList, compareByCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** FindOldReplicaSets' second result: every ReplicaSet but the new one, oldest first. */
export function findOldReplicaSets(d: D, rsList: readonly RS[]): RS[] {
  const newRS = findNewReplicaSet(d, rsList);
  return sortedBy(rsList, compareByCreation).filter((rs) => !newRS || rs.metadata?.uid !== newRS.metadata?.uid);
}
