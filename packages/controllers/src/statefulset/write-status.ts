/**
 * StatefulSetStatusUpdater: replaces the set's status through /status,
 * re-reading the set on a conflict and trying again (retry.DefaultRetry:
 * five attempts).
 */
import type { StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import { isConflict, type ApiClient } from '@mk/client';
import { ignoreNotFound } from '../framework/writes';

const ATTEMPTS = 5;

/** Writes status onto the set; a set deleted meanwhile is fine. */
export async function writeStatus(client: ApiClient, set: Readonly<StatefulSet>, status: StatefulSetStatus): Promise<void> {
  const { namespace, name } = set.metadata!;
  const path = client.path({ group: 'apps', version: 'v1', plural: 'statefulsets', namespace, name });
  let base: Readonly<StatefulSet> = set;
  for (let attempt = 1; ; attempt++) {
    try {
      await ignoreNotFound(client.request('PUT', `${path}/status`, { body: { ...structuredClone(base), apiVersion: 'apps/v1', kind: 'StatefulSet', status } }));
      return;
    } catch (err) {
      if (!isConflict(err) || attempt >= ATTEMPTS) throw err;
      const fresh = await ignoreNotFound(client.request<StatefulSet>('GET', path));
      if (!fresh || fresh.metadata?.uid !== set.metadata?.uid) return;
      base = fresh;
    }
  }
}
