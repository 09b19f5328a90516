/**
 * kubectl's last-applied-configuration bookkeeping (k8s.io/kubectl/pkg/util/apply.go): the annotation
 * holds the manifest serialised as Go's json.Encoder writes it (sorted keys, trailing newline), with
 * `metadata.annotations` present (possibly `{}`) and the annotation itself left out.
 */
import type { KObject } from '@mk/api';
import { goJson } from '../manifests/go-json';

/** The annotation client-side apply reads and writes. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** The annotation's value for a manifest: its JSON without the annotation, as kubectl computes it. */
export function lastAppliedValue(manifest: KObject): string {
  const annotations = { ...(manifest.metadata?.annotations ?? {}) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  return `${goJson({ ...manifest, metadata: { ...(manifest.metadata ?? {}), annotations } })}\n`;
}

/** The manifest with its last-applied annotation set (kubectl's "modified" configuration). */
export function withLastApplied(manifest: KObject): KObject {
  const value = lastAppliedValue(manifest);
  const annotations = { ...(manifest.metadata?.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: value };
  return { ...manifest, metadata: { ...(manifest.metadata ?? {}), annotations } };
}

/** The live object's last-applied configuration, parsed; undefined when absent or unreadable. */
export function readLastApplied(live: KObject): KObject | undefined {
  const raw = live.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
  if (typeof raw !== 'string' || raw === '') return undefined;
  try {
    return JSON.parse(raw) as KObject;
  } catch {
    return undefined;
  }
}

/** A deep copy without null map values: what a client-side-apply create sends (nulls mean "delete" only in patches). */
export function pruneNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => pruneNulls(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = pruneNulls(v);
    return out as T;
  }
  return value;
}
