/**
 * Which pods and revisions a StatefulSet owns (upstream getPodsForStatefulSet
 * and adoptOrphanRevisions, with controller.ControllerRefManager): matching
 * orphans are adopted — only after a fresh read shows the set still exists
 * and is not being deleted — and owned pods that stopped matching are
 * released.
 */
import type { LabelSelector } from '@mk/api';
import { matchesLabels } from '@mk/api';
import type { ApiClient } from '@mk/client';
import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { adoptObject, getControllerOf, newControllerRef, planClaims, releaseObject } from '../framework/controller-ref';
import { sortRevisions } from '../framework/controller-revision';
import { adoptRevision } from './history';
import { isMemberOf } from './identity';

/** canAdoptFunc (RecheckDeletionTimestamp): throws unless the set, read fresh, is the same one and not being deleted. */
export async function checkCanAdopt(client: ApiClient, set: Readonly<StatefulSet>): Promise<void> {
  const { namespace, name, uid } = set.metadata!;
  const fresh = await client.request<StatefulSet>('GET', client.path({ group: 'apps', version: 'v1', plural: 'statefulsets', namespace, name }));
  if (fresh.metadata?.uid !== uid) throw new Error(`original StatefulSet ${namespace}/${name} is gone: got uid ${fresh.metadata?.uid}, wanted ${uid}`);
  if (fresh.metadata?.deletionTimestamp) throw new Error(`${namespace}/${name} has just been deleted at ${fresh.metadata.deletionTimestamp}`);
}

/** ListControllerRevisions + adoptOrphanRevisions: the set's revisions (owned or orphaned, matching its selector), oldest first. */
export async function claimRevisions(client: ApiClient, set: Readonly<StatefulSet>, selector: LabelSelector, inNamespace: readonly Readonly<ControllerRevision>[]): Promise<ControllerRevision[]> {
  const mine = inNamespace.filter((r) => {
    const ref = getControllerOf(r);
    return matchesLabels(selector, r.metadata?.labels) && (!ref || ref.uid === set.metadata?.uid);
  });
  const orphans = mine.filter((r) => !getControllerOf(r));
  if (orphans.length) {
    try {
      await checkCanAdopt(client, set);
    } catch (err) {
      throw new Error(`can't adopt ControllerRevisions: ${err instanceof Error ? err.message : String(err)}`);
    }
    for (const orphan of orphans) await adoptRevision(client, set, orphan);
  }
  return sortRevisions(mine as ControllerRevision[]);
}

/** ClaimPods: the pods matching the selector and named as members of the set. */
export async function claimPods(client: ApiClient, set: Readonly<StatefulSet>, selector: LabelSelector, inNamespace: readonly Readonly<Pod>[]): Promise<Readonly<Pod>[]> {
  const plan = planClaims(set, inNamespace, (pod) => matchesLabels(selector, pod.metadata?.labels) && isMemberOf(set, pod));
  const owned: Readonly<Pod>[] = [...plan.owned];
  if (plan.adopt.length) await checkCanAdopt(client, set);
  const path = (pod: Readonly<Pod>) => ({ group: '', version: 'v1', plural: 'pods', namespace: pod.metadata?.namespace, name: pod.metadata?.name });
  for (const pod of plan.adopt) {
    if (await adoptObject(client, path(pod), pod, newControllerRef(set, 'apps/v1', 'StatefulSet'))) owned.push(pod);
  }
  for (const pod of plan.release) await releaseObject(client, path(pod), pod, set.metadata!.uid!);
  return owned;
}
