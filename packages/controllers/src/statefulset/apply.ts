/**
 * Performs a StatefulSet plan (upstream StatefulPodControl): the writes in
 * order, each with the event upstream records, stopping at the first
 * failure, which is returned for the sync to retry.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { isAlreadyExists, isNotFound, type ApiClient } from '@mk/client';
import type { EventSink } from '../framework/types';
import type { ClaimCreation, RetentionFix, StatefulSetAction } from './actions';
import { aggregateMessage, claimEvent, conflictingControllerEvent, podEvent } from './events';
import type { PendingWrites } from './pending-writes';

export interface ApplyContext {
  client: ApiClient;
  events: EventSink;
  pending: PendingWrites;
  setKey: string;
  set: Readonly<StatefulSet>;
}

/** An error with upstream's text, ending a sync. */
class SyncError extends Error {}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
const podsPath = (ctx: ApplyContext, name?: string) => ctx.client.path({ group: '', version: 'v1', plural: 'pods', namespace: ctx.set.metadata!.namespace, name });
const claimsPath = (ctx: ApplyContext, name?: string) =>
  ctx.client.path({ group: '', version: 'v1', plural: 'persistentvolumeclaims', namespace: ctx.set.metadata!.namespace, name });

/** Applies the actions in order; resolves the first failure (undefined when all succeeded). */
export async function applyActions(ctx: ApplyContext, actions: readonly StatefulSetAction[]): Promise<Error | undefined> {
  for (const action of actions) {
    try {
      await applyAction(ctx, action);
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  }
  return undefined;
}

async function applyAction(ctx: ApplyContext, action: StatefulSetAction): Promise<void> {
  switch (action.type) {
    case 'deletePod':
      return deletePod(ctx, action.pod, action.tolerateNotFound);
    case 'createPod':
      return createPod(ctx, action.pod, action.claims, action.retention);
    case 'createMissingClaims': {
      const claimErrors = await createClaims(ctx, action.pod, action.claims);
      if (claimErrors.length) throw new SyncError(aggregateMessage(claimErrors));
      return fixRetentionOrRecord(ctx, action.pod, action.retention);
    }
    case 'updatePod':
      return updatePod(ctx, action.pod, action.claims, action.retention);
    case 'fixClaims':
      return fixRetention(ctx, action.retention);
  }
}

/** DeleteStatefulPod, with the pod's uid as precondition so a same-named successor is never hit. */
async function deletePod(ctx: ApplyContext, pod: Readonly<Pod>, tolerateNotFound: boolean): Promise<void> {
  const name = pod.metadata!.name!;
  try {
    await ctx.client.request('DELETE', podsPath(ctx, name), { body: { apiVersion: 'v1', kind: 'DeleteOptions', preconditions: { uid: pod.metadata?.uid } } });
  } catch (err) {
    ctx.events(podEvent(ctx.set, 'delete', name, messageOf(err)));
    if (tolerateNotFound && isNotFound(err)) return;
    throw err;
  }
  ctx.pending.deleted(ctx.setKey, pod);
  ctx.events(podEvent(ctx.set, 'delete', name));
}

/** CreateStatefulPod: the claims, then the pod, then the claims' retention references. */
async function createPod(ctx: ApplyContext, pod: Pod, claims: ClaimCreation, retention: RetentionFix): Promise<void> {
  const name = pod.metadata!.name!;
  const claimErrors = await createClaims(ctx, pod, claims);
  if (claimErrors.length) {
    const message = aggregateMessage(claimErrors);
    ctx.events(podEvent(ctx.set, 'create', name, message));
    throw new SyncError(message);
  }
  let createError: unknown;
  try {
    const created = await ctx.client.request<Pod>('POST', podsPath(ctx), { body: pod });
    ctx.pending.created(ctx.setKey, created);
  } catch (err) {
    // A pod of that name exists already: no event, the sync retries.
    if (isAlreadyExists(err)) throw err;
    createError = err;
  }
  await fixRetentionOrRecord(ctx, pod, retention);
  ctx.events(podEvent(ctx.set, 'create', name, createError === undefined ? undefined : messageOf(createError)));
  if (createError !== undefined) throw createError;
}

/** UpdateStatefulPod: storage claims, retention references, then the pod itself. */
async function updatePod(ctx: ApplyContext, pod: Pod, claims: ClaimCreation | undefined, retention: RetentionFix | undefined): Promise<void> {
  const name = pod.metadata!.name!;
  if (claims) {
    const claimErrors = await createClaims(ctx, pod, claims);
    if (claimErrors.length) {
      const message = aggregateMessage(claimErrors);
      ctx.events(podEvent(ctx.set, 'update', name, message));
      throw new SyncError(message);
    }
  }
  if (retention) await fixRetentionOrRecord(ctx, pod, retention);
  try {
    await ctx.client.request('PUT', podsPath(ctx, name), { body: { apiVersion: 'v1', kind: 'Pod', ...pod } });
  } catch (err) {
    ctx.events(podEvent(ctx.set, 'update', name, messageOf(err)));
    throw err;
  }
  ctx.events(podEvent(ctx.set, 'update', name));
}

/**
 * createPersistentVolumeClaims: creates the missing claims, recording an
 * event for each; returns upstream's error texts. A claim that turns out to
 * exist already (the cache had not shown it yet) is fine unless it is being
 * deleted — upstream would fail the sync once and find it next time.
 */
async function createClaims(ctx: ApplyContext, pod: Readonly<Pod>, claims: ClaimCreation): Promise<string[]> {
  const errors = [...claims.errors];
  const podName = pod.metadata!.name!;
  for (const claim of claims.create) {
    const name = claim.metadata!.name!;
    try {
      await ctx.client.request('POST', claimsPath(ctx), { body: claim });
      ctx.events(claimEvent(ctx.set, 'create', name, podName));
    } catch (err) {
      if (isAlreadyExists(err)) {
        const existing = await ctx.client.request<PersistentVolumeClaim>('GET', claimsPath(ctx, name)).catch(() => undefined);
        if (existing?.metadata?.deletionTimestamp) errors.push(`pvc ${name} is being deleted`);
        continue;
      }
      errors.push(`failed to create PVC ${name}: ${messageOf(err)}`);
      ctx.events(claimEvent(ctx.set, 'create', name, podName, messageOf(err)));
    }
  }
  return errors;
}

/** UpdatePodClaimForRetentionPolicy; a failure is recorded as a failed pod update. */
async function fixRetentionOrRecord(ctx: ApplyContext, pod: Readonly<Pod>, retention: RetentionFix): Promise<void> {
  try {
    await fixRetention(ctx, retention);
  } catch (err) {
    ctx.events(podEvent(ctx.set, 'update', pod.metadata!.name!, messageOf(err)));
    throw err;
  }
}

/** Writes the claims' new owner references, warning about claims another controller holds. */
async function fixRetention(ctx: ApplyContext, retention: RetentionFix): Promise<void> {
  for (const name of retention.conflicts) ctx.events(conflictingControllerEvent(ctx.set, name));
  for (const claim of retention.update) {
    const name = claim.metadata!.name!;
    try {
      await ctx.client.request('PUT', claimsPath(ctx, name), { body: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...claim } });
    } catch (err) {
      throw new SyncError(`could not update claim ${name} for delete policy ownerRefs: ${messageOf(err)}`);
    }
  }
}
