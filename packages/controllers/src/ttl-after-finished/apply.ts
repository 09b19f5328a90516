/**
 * Deleting an expired Job as upstream does: the cached TTL may be stale, so
 * the Job is read fresh and re-checked first, then deleted with foreground
 * propagation (its pods go before it) and a uid precondition, so a new Job
 * of the same name is never the one deleted.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { ApiClient } from '@mk/client';
import { ignoreNotFound } from '../framework/writes';
import { planTtl, type TtlDecision } from './plan';

const JOBS = { group: 'batch', version: 'v1', plural: 'jobs' };

/** Re-checks the Job's TTL against the API and deletes it if it truly expired; returns the fresh decision. */
export async function deleteIfExpired(client: ApiClient, namespace: string, name: string, now: Date): Promise<TtlDecision> {
  const path = client.path({ ...JOBS, namespace, name });
  const fresh = await ignoreNotFound(client.request<Job>('GET', path));
  if (!fresh) return { kind: 'skip' };
  const decision = planTtl(fresh, now);
  if (decision.kind !== 'delete') return decision;
  const options = { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: 'Foreground', preconditions: { uid: fresh.metadata!.uid } };
  await ignoreNotFound(client.request('DELETE', path, { body: options }));
  return decision;
}
