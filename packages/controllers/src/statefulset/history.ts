/**
 * ControllerRevision writes (upstream pkg/controller/history realHistory):
 * create with name-collision handling, renumber, delete, adopt.
 */
import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import { isAlreadyExists, type ApiClient } from '@mk/client';
import { adoptObject, newControllerRef } from '../framework/controller-ref';
import { controllerRevisionName, hashControllerRevisionData } from '../framework/controller-revision';
import { canonicalJson } from '../framework/hash';
import { ignoreNotFound, MERGE_PATCH } from '../framework/writes';

const revisionsPath = (client: ApiClient, namespace: string, name?: string) => client.path({ group: 'apps', version: 'v1', plural: 'controllerrevisions', namespace, name });

/**
 * CreateControllerRevision: creates the revision; when its name is taken by
 * the same data that one is the answer, when taken by other data the
 * collision count goes up and the name is derived again.
 */
export async function createRevision(client: ApiClient, set: Readonly<StatefulSet>, revision: ControllerRevision, collisionCount: number): Promise<{ revision: ControllerRevision; collisionCount: number }> {
  const namespace = set.metadata!.namespace!;
  const body = structuredClone(revision);
  for (let count = collisionCount; ; count++) {
    // As upstream, only the name follows the collision count; the hash label keeps the first hash.
    body.metadata!.name = controllerRevisionName(set.metadata!.name!, hashControllerRevisionData(revision.data, count));
    try {
      const created = await client.request<ControllerRevision>('POST', revisionsPath(client, namespace), { body });
      return { revision: created, collisionCount: count };
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
      const existing = await client.request<ControllerRevision>('GET', revisionsPath(client, namespace, body.metadata!.name));
      if (canonicalJson(existing.data) === canonicalJson(body.data)) return { revision: existing, collisionCount: count };
    }
  }
}

/** UpdateControllerRevision: gives an older revision a new number (a rollback makes it the newest). */
export async function renumberRevision(client: ApiClient, revision: Readonly<ControllerRevision>, to: number): Promise<ControllerRevision> {
  const path = revisionsPath(client, revision.metadata!.namespace!, revision.metadata!.name);
  return client.request<ControllerRevision>('PATCH', path, { contentType: MERGE_PATCH, body: { revision: to } });
}

/** DeleteControllerRevision; one already gone is fine. */
export async function deleteRevision(client: ApiClient, revision: Readonly<ControllerRevision>): Promise<void> {
  await ignoreNotFound(client.request('DELETE', revisionsPath(client, revision.metadata!.namespace!, revision.metadata!.name)));
}

/** AdoptControllerRevision: the set becomes the orphan's controller (false when it is gone). */
export async function adoptRevision(client: ApiClient, set: Readonly<StatefulSet>, revision: Readonly<ControllerRevision>): Promise<boolean> {
  const path = { group: 'apps', version: 'v1', plural: 'controllerrevisions', namespace: revision.metadata!.namespace, name: revision.metadata!.name };
  return adoptObject(client, path, revision, newControllerRef(set, 'apps/v1', 'StatefulSet'));
}
