/**
 * Judging what is left of a namespace's content after a deletion pass
 * (upstream deleteAllContentForGroupVersionResource and
 * estimateGracefulTermination), as pure functions: objects still there are
 * expected while pods finish their grace period or finalizers are pending;
 * anything else left over is an error.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '@mk/api';
import { isPodTerminal } from '../framework/pods';
import type { DeletionFindings } from './conditions';

/** Upstream's assumed wait for finalizers found on remaining items (finalizerEstimateSeconds). */
export const FINALIZER_ESTIMATE_SECONDS = 15;

/** A namespaced resource type to empty. */
export interface ResourceType {
  group: string;
  version: string;
  plural: string;
}

/** schema.GroupVersionResource's String(): `apps/v1, Resource=deployments` (`/v1, ...` for core). */
export function gvrString(r: ResourceType): string {
  return `${r.group}/${r.version}, Resource=${r.plural}`;
}

/** How the conditions name a resource: `pods.` for core, `deployments.apps`. */
export function resourceDotGroup(r: ResourceType): string {
  return `${r.plural}.${r.group}`;
}

/** What one resource type's deletion pass found. */
export interface ResourceOutcome {
  /** Seconds to wait before looking again (0: no estimate). */
  estimateSeconds: number;
  /** Instances still present. */
  remaining: number;
  /** finalizer → instances it holds. */
  finalizers: Map<string, number>;
  /** Set when the pass failed, or when items remain for no known reason. */
  error?: string;
}

/**
 * The graceful-termination estimate for pods: the longest grace period of a
 * pod that is not terminal, or 0 once that long has passed since the
 * namespace's deletion.
 */
export function podTerminationEstimate(pods: readonly Readonly<Pod>[], namespaceDeletedAt: Date, now: Date): number {
  let estimate = 0;
  for (const pod of pods) {
    if (isPodTerminal(pod)) continue;
    const grace = pod.spec?.terminationGracePeriodSeconds;
    if (grace !== undefined && grace > estimate) estimate = grace;
  }
  return now.getTime() - namespaceDeletedAt.getTime() >= estimate * 1000 ? 0 : estimate;
}

/** Judges the items still listed after deleting a resource type. */
export function assessRemaining(resource: ResourceType, namespace: string, items: readonly Readonly<KObject>[], estimateSeconds: number): ResourceOutcome {
  if (items.length === 0) return { estimateSeconds: 0, remaining: 0, finalizers: new Map() };
  const finalizers = new Map<string, number>();
  for (const item of items) for (const f of item.metadata?.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
  if (estimateSeconds !== 0) return { estimateSeconds, remaining: items.length, finalizers };
  // Finalizers are a normal reason to wait (the garbage collector, a custom controller).
  if (finalizers.size > 0) return { estimateSeconds: FINALIZER_ESTIMATE_SECONDS, remaining: items.length, finalizers };
  return { estimateSeconds: 0, remaining: items.length, finalizers: new Map(), error: `unexpected items still remain in namespace: ${namespace} for gvr: ${gvrString(resource)}` };
}

/** The whole pass: the longest estimate, the errors, and the findings for the conditions. */
export interface ContentPass {
  estimateSeconds: number;
  errors: string[];
  findings: DeletionFindings;
}

/** Adds up the outcomes of every resource type (deleteAllContent). */
export function summarizeContent(outcomes: readonly { resource: ResourceType; outcome: ResourceOutcome }[], discoveryError?: string): ContentPass {
  const remainingByResource = new Map<string, number>();
  const remainingByFinalizer = new Map<string, number>();
  const contentErrors: string[] = [];
  let estimateSeconds = 0;
  for (const { resource, outcome } of outcomes) {
    if (outcome.error !== undefined) contentErrors.push(outcome.error);
    estimateSeconds = Math.max(estimateSeconds, outcome.estimateSeconds);
    if (outcome.remaining <= 0) continue;
    remainingByResource.set(resourceDotGroup(resource), outcome.remaining);
    for (const [f, n] of outcome.finalizers) if (n > 0) remainingByFinalizer.set(f, (remainingByFinalizer.get(f) ?? 0) + n);
  }
  const errors = [...(discoveryError !== undefined ? [discoveryError] : []), ...contentErrors];
  return { estimateSeconds, errors, findings: { discoveryError, contentErrors, remainingByResource, remainingByFinalizer } };
}

/** The namespace controller's wait while content remains: half the estimate plus a second. */
export function requeueDelayMs(estimateSeconds: number): number {
  return (Math.floor(estimateSeconds / 2) + 1) * 1000;
}

/** The namespace's spec.finalizers without `token`, as a sorted set (finalizeNamespace). */
export function finalizersWithout(finalizers: readonly string[] | undefined, token: string): string[] {
  return [...new Set((finalizers ?? []).filter((f) => f !== token))].sort();
}
