/**
 * The DaemonSet's pods and revisions (upstream getDaemonPods and
 * controlledHistories through the ControllerRefManager): what it controls
 * and still selects, plus orphans it selects, adopted; what it controls but no
 * longer selects is released. Before the first adoption the DaemonSet is read
 * afresh, so one just deleted adopts nothing (RecheckDeletionTimestamp).
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import { matchesLabels, type LabelSelector } from '@mk/api';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { ApiClient, ResourcePath } from '@mk/client';
import { adoptObject, newControllerRef, planClaims, releaseObject } from '../framework/controller-ref';

async function recheckNotDeleted(client: ApiClient, ds: Readonly<DaemonSet>): Promise<void> {
  const { namespace, name, uid } = ds.metadata as { namespace: string; name: string; uid: string };
  const fresh = await client.request<DaemonSet>('GET', client.path({ group: 'apps', version: 'v1', plural: 'daemonsets', namespace, name }));
  if (fresh.metadata?.uid !== uid) throw new Error(`original DaemonSet ${namespace}/${name} is gone: got uid ${fresh.metadata?.uid}, wanted ${uid}`);
  if (fresh.metadata?.deletionTimestamp) throw new Error(`${namespace}/${name} has just been deleted at ${fresh.metadata.deletionTimestamp}`);
}

/** Claims candidates for ds; resolves to the objects it now controls. */
export async function claimObjects<T extends { metadata?: ObjectMeta }>(
  client: ApiClient,
  ds: Readonly<DaemonSet>,
  selector: LabelSelector,
  candidates: readonly Readonly<T>[],
  pathOf: (obj: Readonly<T>) => ResourcePath,
): Promise<Readonly<T>[]> {
  const plan = planClaims(ds, candidates, (obj) => matchesLabels(selector, obj.metadata?.labels));
  const claimed = [...plan.owned];
  if (plan.adopt.length > 0) {
    await recheckNotDeleted(client, ds);
    const ref = newControllerRef(ds, 'apps/v1', 'DaemonSet');
    for (const obj of plan.adopt) if (await adoptObject(client, pathOf(obj), obj, ref)) claimed.push(obj);
  }
  for (const obj of plan.release) await releaseObject(client, pathOf(obj), obj, ds.metadata!.uid!);
  return claimed;
}
