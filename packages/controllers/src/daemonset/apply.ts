/**
 * The DaemonSet controller's writes: pods created and deleted as upstream
 * syncNodes does (expectations first, creations in slow-start batches, one
 * event per pod), status through /status, and the history's revisions.
 */
import type { ControllerRevision, DaemonSet, DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { isAlreadyExists, isConflict, isNamespaceTerminating, isNotFound, type ApiClient } from '@mk/client';
import { refTo } from '../framework/events';
import type { Expectations } from '../framework/expectations';
import type { EventSink } from '../framework/types';
import { ignoreNotFound, MERGE_PATCH } from '../framework/writes';
import { CONTROLLER_REVISION_HASH_LABEL } from '../framework/controller-revision';
import { daemonPodForNode } from './pod-for-node';
import { revisionMatches } from './revisions';

/** At most this many creations (and deletions) per sync, so a huge cluster does not flood the API server. */
export const BURST_REPLICAS = 250;
/** Slow start begins with one creation and doubles the batch after each fully successful one. */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

export interface ApplyDeps {
  client: ApiClient;
  events: EventSink;
  expectations: Expectations;
}

const podsPath = (client: ApiClient, namespace: string, name?: string) => client.path({ group: '', version: 'v1', plural: 'pods', namespace, name });
const revisionsPath = (client: ApiClient, namespace: string, name?: string) => client.path({ group: 'apps', version: 'v1', plural: 'controllerrevisions', namespace, name });
const daemonSetPath = (client: ApiClient, namespace: string, name: string, subresource?: string) => client.path({ group: 'apps', version: 'v1', plural: 'daemonsets', namespace, name, subresource });
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** utilerrors.NewAggregate: one error as itself, several as `[a, b]`. */
export function aggregate(errors: unknown[]): Error | undefined {
  if (errors.length === 0) return undefined;
  if (errors.length === 1) return errors[0] instanceof Error ? errors[0] : new Error(String(errors[0]));
  return new Error(`[${errors.map(message).join(', ')}]`);
}

async function createPod(deps: ApplyDeps, ds: Readonly<DaemonSet>, dsKey: string, template: Readonly<PodTemplateSpec>, nodeName: string): Promise<unknown> {
  const ref = refTo(ds, 'apps/v1', 'DaemonSet');
  const pod = daemonPodForNode(ds, template, nodeName);
  try {
    const created = await deps.client.request<Pod>('POST', podsPath(deps.client, ds.metadata!.namespace!), { body: pod });
    deps.events({ regarding: ref, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${created.metadata?.name}` });
    return undefined;
  } catch (err) {
    deps.expectations.creationObserved(dsKey);
    // The namespace is being torn down: every further creation fails the same way, quietly.
    if (isNamespaceTerminating(err)) return undefined;
    deps.events({ regarding: ref, type: 'Warning', reason: 'FailedCreate', message: `Error creating: ${message(err)}` });
    return err;
  }
}

async function deletePod(deps: ApplyDeps, ds: Readonly<DaemonSet>, dsKey: string, name: string): Promise<unknown> {
  const namespace = ds.metadata!.namespace!;
  const ref = refTo(ds, 'apps/v1', 'DaemonSet');
  try {
    await deps.client.request('DELETE', podsPath(deps.client, namespace, name));
    deps.events({ regarding: ref, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${name}` });
    return undefined;
  } catch (err) {
    deps.expectations.deletionObserved(dsKey, `${namespace}/${name}`);
    if (isNotFound(err)) return undefined;
    deps.events({ regarding: ref, type: 'Warning', reason: 'FailedDelete', message: `Error deleting: ${message(err)}` });
    return new Error(`unable to delete pods: ${message(err)}`);
  }
}

/**
 * syncNodes: deletes the named pods and creates a daemon pod from template on
 * each node, at most BURST_REPLICAS of each. Creations go in batches of 1, 2,
 * 4, …; after a batch with a failure the rest are skipped (and no longer
 * expected) until the next sync. Throws the failures, aggregated.
 */
export async function syncNodes(deps: ApplyDeps, ds: Readonly<DaemonSet>, dsKey: string, deletePods: readonly string[], createOn: readonly string[], template: Readonly<PodTemplateSpec>): Promise<void> {
  const creates = createOn.slice(0, BURST_REPLICAS);
  const deletes = deletePods.slice(0, BURST_REPLICAS);
  deps.expectations.expect(dsKey, creates.length, deletes.map((name) => `${ds.metadata!.namespace}/${name}`));
  const errors: unknown[] = [];

  for (let pos = 0, batch = Math.min(creates.length, SLOW_START_INITIAL_BATCH_SIZE); pos < creates.length; pos += batch, batch = Math.min(2 * batch, creates.length - pos)) {
    const results = await Promise.all(creates.slice(pos, pos + batch).map((node) => createPod(deps, ds, dsKey, template, node)));
    const failed = results.filter((e) => e !== undefined);
    errors.push(...failed);
    const skipped = creates.length - (pos + batch);
    if (failed.length > 0 && skipped > 0) {
      for (let i = 0; i < skipped; i++) deps.expectations.creationObserved(dsKey);
      break;
    }
  }

  const deleted = await Promise.all(deletes.map((name) => deletePod(deps, ds, dsKey, name)));
  errors.push(...deleted.filter((e) => e !== undefined));
  const err = aggregate(errors);
  if (err) throw err;
}

/**
 * storeDaemonSetStatus: a full update of /status pinned to the cached
 * resourceVersion; on a conflict, once more on a fresh read.
 */
export async function writeStatus(client: ApiClient, ds: Readonly<DaemonSet>, status: (base: Readonly<DaemonSet>) => DaemonSetStatus): Promise<void> {
  const { namespace, name } = ds.metadata as { namespace: string; name: string };
  const path = daemonSetPath(client, namespace, name, 'status');
  const put = (base: Readonly<DaemonSet>) => client.request('PUT', path, { body: { ...structuredClone(base), apiVersion: 'apps/v1', kind: 'DaemonSet', status: status(base) } });
  try {
    await ignoreNotFound(put(ds));
  } catch (err) {
    if (!isConflict(err)) throw err;
    const fresh = await ignoreNotFound(client.request<DaemonSet>('GET', daemonSetPath(client, namespace, name)));
    if (fresh) await ignoreNotFound(put(fresh));
  }
}

/**
 * snapshot's write: creates the revision. A same-named revision with this
 * template is ours already; one with another template is a hash collision,
 * resolved by bumping status.collisionCount and failing this sync so the next
 * one hashes anew.
 */
export async function createRevision(client: ApiClient, ds: Readonly<DaemonSet>, revision: ControllerRevision): Promise<Readonly<ControllerRevision>> {
  const namespace = ds.metadata!.namespace!;
  try {
    return await client.request<ControllerRevision>('POST', revisionsPath(client, namespace), { body: revision });
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
    const existing = await client.request<ControllerRevision>('GET', revisionsPath(client, namespace, revision.metadata!.name));
    if (revisionMatches(ds, existing)) return existing;
    const fresh = await client.request<DaemonSet>('GET', daemonSetPath(client, namespace, ds.metadata!.name!));
    const cached = ds.status?.collisionCount;
    const current = fresh.status?.collisionCount;
    if ((cached ?? null) !== (current ?? null)) {
      throw new Error(`found a stale collision count (${cached ?? 'nil'}, expected ${current ?? 'nil'}) of DaemonSet "${ds.metadata!.name}" while processing; will retry until it is updated`);
    }
    const body = { ...fresh, status: { ...(fresh.status ?? {}), collisionCount: (current ?? 0) + 1 } };
    await client.request('PUT', daemonSetPath(client, namespace, ds.metadata!.name!, 'status'), { body });
    throw err;
  }
}

/** Sets a revision's number (an older template became current again). */
export async function renumberRevision(client: ApiClient, revision: Readonly<ControllerRevision>, number: number): Promise<void> {
  const path = revisionsPath(client, revision.metadata!.namespace!, revision.metadata!.name);
  await client.request('PATCH', path, { contentType: MERGE_PATCH, body: { revision: number } });
}

/** Gives a revision written without the hash label its name as the hash. */
export async function labelRevision(client: ApiClient, revision: Readonly<ControllerRevision>): Promise<void> {
  const path = revisionsPath(client, revision.metadata!.namespace!, revision.metadata!.name);
  await client.request('PATCH', path, { contentType: MERGE_PATCH, body: { metadata: { labels: { [CONTROLLER_REVISION_HASH_LABEL]: revision.metadata!.name } } } });
}

/** Deletes a revision; one already gone is fine. */
export async function deleteRevision(client: ApiClient, revision: Readonly<ControllerRevision>): Promise<void> {
  await ignoreNotFound(client.request('DELETE', revisionsPath(client, revision.metadata!.namespace!, revision.metadata!.name)));
}

/** Moves a pod onto another revision's hash (before a duplicate revision is deleted). */
export async function relabelPod(client: ApiClient, pod: Readonly<Pod>, hash: string): Promise<void> {
  const path = podsPath(client, pod.metadata!.namespace!, pod.metadata!.name);
  await ignoreNotFound(client.request('PATCH', path, { contentType: MERGE_PATCH, body: { metadata: { labels: { [CONTROLLER_REVISION_HASH_LABEL]: hash } } } }));
}
