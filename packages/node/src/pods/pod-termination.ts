/**
 * Graceful deletion as the kubelet does it: stop the containers within the
 * pod's deletion grace period (Killing events), report the final status, then
 * remove the pod with a DELETE carrying gracePeriodSeconds 0 and a UID
 * precondition, so it disappears from the API. And the cleanup of pods that
 * are gone from the API already.
 */
import { isConflict, isNotFound } from '@mk/client';
import type { PodContext } from './context';
import { containerFieldPath } from './container-starter';
import { kubeletEvents } from './kubelet-events';
import { specOf, type PodRecord } from './types';

/** The grace period the pod's deletion asked for, else the spec's (default 30 s). */
export function gracePeriodOf(rec: PodRecord): number {
  const meta = rec.pod.metadata ?? {};
  return meta.deletionGracePeriodSeconds ?? specOf(rec.pod).terminationGracePeriodSeconds ?? 30;
}

/** Stops every running container of the pod (Killing events first) and its sandbox. */
async function killPod(ctx: PodContext, rec: PodRecord, gracePeriodSeconds: number): Promise<void> {
  if (rec.killed || !rec.sandbox) {
    rec.killed = true;
    return;
  }
  for (const c of rec.containers.values()) {
    if (c.current?.status.state !== 'running') continue;
    const status = await ctx.runtime.containerStatus(c.current.id);
    if (status?.state === 'running') ctx.event(rec.pod, containerFieldPath(c.name, c.init), kubeletEvents.killing(c.name));
  }
  await ctx.runtime.stopPodSandbox(rec.sandbox.id, gracePeriodSeconds);
  ctx.checkAlive();
  rec.killed = true;
  for (const c of rec.containers.values()) {
    if (!c.current) continue;
    c.current.status = (await ctx.runtime.containerStatus(c.current.id)) ?? c.current.status;
  }
}

/** A pod with a deletionTimestamp: stop it, report it, delete it. */
export async function terminatePod(ctx: PodContext, rec: PodRecord): Promise<void> {
  await killPod(ctx, rec, gracePeriodOf(rec));
  ctx.checkAlive();
  await ctx.writeStatusNow(rec);
  if (rec.sandbox) await ctx.runtime.removePodSandbox(rec.sandbox.id);
  rec.sandbox = undefined;
  ctx.checkAlive();
  const meta = rec.pod.metadata ?? {};
  try {
    await ctx.api.request('DELETE', `/api/v1/namespaces/${meta.namespace}/pods/${meta.name}`, {
      body: { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0, preconditions: { uid: rec.uid } },
    });
  } catch (err) {
    // Gone already, or a new pod of that name: either way this one is done.
    if (!isNotFound(err) && !isConflict(err)) throw err;
  }
  rec.removed = true;
}

/** The pod is gone from the API: stop whatever still runs and free its sandbox; nothing is reported. */
export async function finishPod(ctx: PodContext, rec: PodRecord): Promise<void> {
  await killPod(ctx, rec, gracePeriodOf(rec));
  if (rec.sandbox) await ctx.runtime.removePodSandbox(rec.sandbox.id);
  rec.sandbox = undefined;
}
