/**
 * The collector's two kinds of work on one object (upstream
 * attemptToDeleteItem / processDeletingDependentsItem and
 * attemptToOrphanWorker), reading the graph and the live object and writing
 * through api.ts.
 */
import type { ApiClient, ReconcileResult } from '@mk/client';
import type { AbsentOwnerCache } from './absent-owners';
import { deleteObject, getSameObject, removeFinalizer, removeOwnerReferences, unblockOwnerReferences } from './api';
import { decideForDependent, planForegroundOwner } from './decide';
import { linkProblem, type DependencyGraph, type GraphNode } from './graph';
import { collectedKinds, FINALIZER_FOREGROUND, FINALIZER_ORPHAN, kindForReference } from './identity';
import { classifyReferences } from './owners';

/** An owner known only from the API server is looked at again until its informer shows it (else its deletion could go unseen). */
export const UNOBSERVED_OWNER_RECHECK_MS = 5_000;

/** What the collector's work on one object needs. */
export interface CollectorDeps {
  client: ApiClient;
  graph: DependencyGraph;
  absent: AbsentOwnerCache;
}

/** Whether the collector's informers would ever show an owner of this reference's kind. */
function isCollected(ref: { apiVersion: string; kind: string }): boolean {
  const info = kindForReference(ref.apiVersion, ref.kind);
  return !!info && collectedKinds().includes(info);
}

/** Every owner is observed, linked and not being deleted: nothing to ask the API server (upstream's TODO, taken). */
function ownersPlainlyPresent(graph: DependencyGraph, node: GraphNode): boolean {
  return node.owners.every((ref) => {
    const owner = graph.node(ref.uid);
    return !!owner && !owner.beingDeleted && !linkProblem(owner.identity, node.identity, ref);
  });
}

/** attemptToDeleteItem for the observed object uid. */
export async function attemptToDelete(deps: CollectorDeps, uid: string): Promise<ReconcileResult> {
  const { client, graph } = deps;
  const node = graph.node(uid);
  // Being deleted is a one-way trip: its dependents are handled when it is gone.
  if (!node || (node.beingDeleted && !node.deletingDependents)) return;
  if (!node.deletingDependents && ownersPlainlyPresent(graph, node)) return;

  // Gone or replaced: the informer will report the deletion, which handles the dependents.
  const latest = await getSameObject(client, node.identity);
  if (!latest) return;
  if (node.deletingDependents) return processDeletingDependents(deps, node);

  const refs = latest.metadata?.ownerReferences ?? [];
  if (refs.length === 0) return;
  const classified = await classifyReferences(client, deps.absent, refs, node.identity);
  // A cluster-scoped object naming a namespaced owner: retrying will not resolve it.
  if (classified.invalid) return;
  const referrers = graph.referrersOf(uid);
  const decision = decideForDependent({
    owners: classified.owners,
    finalizers: latest.metadata?.finalizers ?? [],
    hasDependents: referrers.length > 0,
    dependentDeletingDependents: referrers.some((d) => d.deletingDependents),
  });
  switch (decision.action) {
    case 'keep': {
      const unobserved = classified.owners.some((o) => o.state === 'solid' && !graph.node(o.ref.uid) && isCollected(o.ref));
      return unobserved ? { requeueAfterMs: UNOBSERVED_OWNER_RECHECK_MS } : undefined;
    }
    case 'remove-owner-references':
      return removeOwnerReferences(client, node.identity, decision.uids);
    case 'delete':
      if (decision.unblockOwnerReferences) await unblockOwnerReferences(client, node.identity, refs);
      return deleteObject(client, node.identity, decision.propagationPolicy, latest);
  }
}

/** processDeletingDependentsItem: the owner goes once no blocking dependent is left; meanwhile those dependents are processed. */
async function processDeletingDependents(deps: CollectorDeps, node: GraphNode): Promise<ReconcileResult> {
  const plan = planForegroundOwner(deps.graph.blockingDependents(node.identity.uid));
  if (plan.removeFinalizer) return removeFinalizer(deps.client, node.identity, FINALIZER_FOREGROUND);
  // Upstream queues these; processing them here keeps the owner's key the one that retries on failure.
  const failures: string[] = [];
  for (const uid of plan.attemptToDelete) {
    try {
      await attemptToDelete(deps, uid);
    } catch (err) {
      failures.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (failures.length) throw new Error(`deleting dependents of ${node.identity.kind} ${node.identity.name}: ${failures.join('; ')}`);
}

/** attemptToOrphanWorker: releases every dependent of the owner, then drops its orphan finalizer. */
export async function attemptToOrphan(deps: CollectorDeps, uid: string): Promise<ReconcileResult> {
  const node = deps.graph.node(uid);
  if (!node) return;
  const failures: string[] = [];
  await Promise.all(
    deps.graph.dependents(uid).map(async (dep) => {
      try {
        await removeOwnerReferences(deps.client, dep.identity, [uid]);
      } catch (err) {
        failures.push(`orphaning ${dep.identity.kind} ${dep.identity.namespace ?? ''}/${dep.identity.name} failed, ${err instanceof Error ? err.message : String(err)}`);
      }
    }),
  );
  if (failures.length) throw new Error(`failed to orphan dependents of owner ${node.identity.kind} ${node.identity.name}: ${failures.join('; ')}`);
  await removeFinalizer(deps.client, node.identity, FINALIZER_ORPHAN);
}
