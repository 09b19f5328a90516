/**
 * The status conditions the namespace controller keeps on a terminating
 * namespace (upstream pkg/controller/namespace/deletion/status_condition_utils.go):
 * five condition types, each True with the failure's reason and message, or
 * False with its "ok" reason and message; the transition time moves only when
 * the status does.
 */
import type { NamespaceCondition } from 'kubernetes-types/core/v1';
import { rfc3339 } from '../framework/time';

/** core/v1 NamespaceConditionType values. */
export const NAMESPACE_DELETION_DISCOVERY_FAILURE = 'NamespaceDeletionDiscoveryFailure';
export const NAMESPACE_DELETION_GV_PARSING_FAILURE = 'NamespaceDeletionGroupVersionParsingFailure';
export const NAMESPACE_DELETION_CONTENT_FAILURE = 'NamespaceDeletionContentFailure';
export const NAMESPACE_CONTENT_REMAINING = 'NamespaceContentRemaining';
export const NAMESPACE_FINALIZERS_REMAINING = 'NamespaceFinalizersRemaining';

/** The maintained types, in upstream's order. */
export const CONDITION_TYPES = [
  NAMESPACE_DELETION_DISCOVERY_FAILURE,
  NAMESPACE_DELETION_GV_PARSING_FAILURE,
  NAMESPACE_DELETION_CONTENT_FAILURE,
  NAMESPACE_CONTENT_REMAINING,
  NAMESPACE_FINALIZERS_REMAINING,
] as const;

const OK: Record<string, { reason: string; message: string }> = {
  [NAMESPACE_DELETION_DISCOVERY_FAILURE]: { reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
  [NAMESPACE_DELETION_GV_PARSING_FAILURE]: { reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
  [NAMESPACE_DELETION_CONTENT_FAILURE]: { reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
  [NAMESPACE_CONTENT_REMAINING]: { reason: 'ContentRemoved', message: 'All content successfully removed' },
  [NAMESPACE_FINALIZERS_REMAINING]: { reason: 'ContentRemoved', message: 'All content successfully removed' },
};

/** What one pass of content deletion found, as the condition updater consumes it. */
export interface DeletionFindings {
  /** Discovery's error message, if it failed. */
  discoveryError?: string;
  /** One message per resource whose deletion failed. */
  contentErrors: string[];
  /** `resource.group` → instances still present. */
  remainingByResource: ReadonlyMap<string, number>;
  /** finalizer → instances still held by it. */
  remainingByFinalizer: ReadonlyMap<string, number>;
}

type Failure = Pick<NamespaceCondition, 'type' | 'reason' | 'message'>;

/** The True conditions the findings call for (ProcessDiscoverResourcesErr, ProcessContentTotals, makeDeleteContentCondition). */
export function failureConditions(f: DeletionFindings): Failure[] {
  const out: Failure[] = [];
  if (f.discoveryError !== undefined) out.push({ type: NAMESPACE_DELETION_DISCOVERY_FAILURE, reason: 'DiscoveryFailed', message: f.discoveryError });
  if (f.contentErrors.length) {
    const msgs = [...f.contentErrors].sort();
    out.push({ type: NAMESPACE_DELETION_CONTENT_FAILURE, reason: 'ContentDeletionFailed', message: `Failed to delete all resource types, ${msgs.length} remaining: ${msgs.join(', ')}` });
  }
  if (f.remainingByResource.size) {
    const parts = [...f.remainingByResource].filter(([, n]) => n > 0).map(([r, n]) => `${r} has ${n} resource instances`).sort();
    out.push({ type: NAMESPACE_CONTENT_REMAINING, reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${parts.join(', ')}` });
  }
  if (f.remainingByFinalizer.size) {
    const parts = [...f.remainingByFinalizer].filter(([, n]) => n > 0).map(([fin, n]) => `${fin} in ${n} resource instances`).sort();
    out.push({ type: NAMESPACE_FINALIZERS_REMAINING, reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${parts.join(', ')}` });
  }
  return out;
}

/**
 * updateConditions: every maintained type is set to its failure or to its ok
 * variant; other conditions are kept. Returns the new list and whether it changed.
 */
export function updateNamespaceConditions(existing: readonly Readonly<NamespaceCondition>[] | undefined, failures: readonly Failure[], now: Date): { conditions: NamespaceCondition[]; changed: boolean } {
  const conditions = (existing ?? []).map((c) => ({ ...c }));
  let changed = false;
  for (const type of CONDITION_TYPES) {
    const failure = failures.find((f) => f.type === type);
    const want = failure ? { type, status: 'True', reason: failure.reason, message: failure.message } : { type, status: 'False', ...OK[type] };
    const old = conditions.find((c) => c.type === type);
    if (!old) {
      conditions.push({ ...want, lastTransitionTime: rfc3339(now) });
      changed = true;
    } else if (old.status !== want.status || old.reason !== want.reason || old.message !== want.message) {
      if (old.status !== want.status) old.lastTransitionTime = rfc3339(now);
      Object.assign(old, want);
      changed = true;
    }
  }
  return { conditions, changed };
}
