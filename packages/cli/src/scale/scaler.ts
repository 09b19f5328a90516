/**
 * kubectl's generic scaler (pkg/scale/scale.go) over the `scale` subresource: a blind JSON merge
 * patch of `spec.replicas`, or, with preconditions, GET the Scale, check it and PUT it back;
 * retried on conflicts every second for up to five minutes, then optionally polled every second
 * until the status has caught up (--timeout).
 */
import type { Clock, KObject } from '@mk/api';
import { isConflict, type ApiClient } from '@mk/client';
import { dryRunQuery } from '../mutate/dry-run';
import { targetPath, type Target } from '../mutate/targets';
import { MERGE_PATCH } from '../mutate/three-way-patch';
import { checkPrecondition, type ScalePrecondition } from './preconditions';

/** kubectl's NewRetryParams(1*time.Second, 5*time.Minute) for conflicts, and the poll interval of --timeout. */
export const RETRY_INTERVAL_MS = 1_000;
const CONFLICT_RETRY_MS = 5 * 60_000;

/** wait.ErrWaitTimeout's text, which a poll that runs out of time returns. */
const WAIT_TIMEOUT = 'timed out waiting for the condition';

/** One scale request. */
export interface ScaleRequest {
  client: ApiClient;
  target: Target;
  replicas: number;
  precondition?: ScalePrecondition;
  /** --dry-run=server: the request carries dryRun=All. */
  serverDryRun: boolean;
}

/** kubectl's ScaleSimple: one attempt; returns the resourceVersion of the updated Scale. */
export async function scaleOnce(req: ScaleRequest): Promise<string> {
  const { client, target, replicas } = req;
  const path = targetPath(client, target, 'scale');
  const query = dryRunQuery(req.serverDryRun ? 'server' : 'none');
  if (req.precondition) {
    const scale = await client.request<KObject>('GET', path);
    checkPrecondition(scale, req.precondition);
    const body = { ...scale, spec: { ...(scale.spec as object | undefined), replicas } };
    const updated = await client.request<KObject>('PUT', path, { body, query });
    return updated?.metadata?.resourceVersion ?? '';
  }
  const updated = await client.request<KObject>('PATCH', path, { body: { spec: { replicas } }, contentType: MERGE_PATCH, query });
  return updated?.metadata?.resourceVersion ?? '';
}

/** Scales, retrying only on 409 Conflict (kubectl's ScaleCondition under PollUntilContextTimeout). */
export async function scaleWithRetry(req: ScaleRequest, clock: Clock): Promise<void> {
  const deadline = clock.now().getTime() + CONFLICT_RETRY_MS;
  for (;;) {
    try {
      await scaleOnce(req);
      return;
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
    if (clock.now().getTime() + RETRY_INTERVAL_MS > deadline) throw new Error(WAIT_TIMEOUT);
    await clock.sleep(RETRY_INTERVAL_MS);
  }
}

/**
 * kubectl's WaitForScaleHasDesiredReplicas: polls the Scale every second until spec and status
 * both equal the new size, or until someone else changed spec (then there is nothing to wait for).
 */
export async function waitForReplicas(client: ApiClient, target: Target, replicas: number, timeoutMs: number, clock: Clock): Promise<void> {
  const path = targetPath(client, target, 'scale');
  const deadline = clock.now().getTime() + timeoutMs;
  for (;;) {
    const scale = await client.request<{ spec?: { replicas?: number }; status?: { replicas?: number } }>('GET', path);
    const spec = scale?.spec?.replicas ?? 0;
    const status = scale?.status?.replicas ?? 0;
    if (spec !== replicas || (spec === status && status === replicas)) return;
    if (clock.now().getTime() + RETRY_INTERVAL_MS > deadline) throw new Error(`timed out waiting for ${JSON.stringify(target.name)} to be synced`);
    await clock.sleep(RETRY_INTERVAL_MS);
  }
}
