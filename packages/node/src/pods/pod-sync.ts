/**
 * One sync of one pod, as the kubelet's SyncPod: make sure the sandbox is up
 * (re-creating it after a reboot), run the init containers one at a time, then
 * start or restart the containers as the restart policy and CrashLoopBackOff
 * allow. Idempotent: it looks at what the runtime reports and does what is missing.
 */
import type { PodContext } from './context';
import { errorResyncMs } from './context';
import { shouldRestart } from './container-statuses';
import { containerFieldPath, startContainer } from './container-starter';
import { crashLoopMessage, kubeletEvents, podDescription } from './kubelet-events';
import { finishPod, gracePeriodOf, terminatePod } from './pod-termination';
import { specOf, type ContainerRecord, type ContainerSpecView, type PodRecord } from './types';

/** Brings the record up to date with what the runtime reports now. */
export async function refreshRecord(ctx: PodContext, rec: PodRecord): Promise<void> {
  if (rec.sandbox) {
    const s = await ctx.runtime.podSandboxStatus(rec.sandbox.id);
    rec.sandbox.ready = s?.state === 'ready';
  }
  for (const c of rec.containers.values()) {
    if (!c.current) continue;
    const status = await ctx.runtime.containerStatus(c.current.id);
    if (status) c.current.status = status;
  }
}

/** True while the container waits out its restart back-off (it then shows CrashLoopBackOff). */
function inCrashBackoff(ctx: PodContext, rec: PodRecord, c: ContainerRecord): boolean {
  const key = `${rec.uid}_${c.name}`;
  const finishedAt = Date.parse(c.current?.status.finishedAt ?? '') || ctx.clock.now().getTime();
  const until = ctx.crashBackoff.inBackOffSince(key, finishedAt);
  if (until === undefined) {
    ctx.crashBackoff.next(key, finishedAt);
    return false;
  }
  const meta = rec.pod.metadata ?? {};
  const pod = podDescription(meta.name ?? '', meta.namespace ?? '', rec.uid);
  ctx.event(rec.pod, containerFieldPath(c.name, c.init), kubeletEvents.crashBackOff(c.name, pod));
  ctx.waiting(rec.uid).set(c.name, { reason: 'CrashLoopBackOff', message: crashLoopMessage(ctx.crashBackoff.get(key), c.name, pod) });
  ctx.resyncAt(rec.uid, until);
  return true;
}

/** Makes sure the pod has a ready sandbox; false when it should not or could not get one. */
async function ensureSandbox(ctx: PodContext, rec: PodRecord): Promise<boolean> {
  if (rec.sandbox?.ready) return true;
  const old = rec.sandbox;
  if (old) {
    // The sandbox died with the node. A pod that never restarts and already ran stays down.
    const ran = [...rec.containers.values()].some((c) => c.current);
    if (specOf(rec.pod).restartPolicy === 'Never' && ran) return false;
    ctx.event(rec.pod, undefined, kubeletEvents.sandboxChanged());
    await ctx.runtime.stopPodSandbox(old.id, 0);
    await ctx.runtime.removePodSandbox(old.id);
    ctx.checkAlive();
  }
  try {
    const info = await ctx.runtime.runPodSandbox(rec.pod);
    ctx.checkAlive();
    rec.sandbox = { id: info.id, podIP: info.podIP, ready: true, attempt: old ? old.attempt + 1 : 0 };
  } catch (err) {
    ctx.checkAlive();
    ctx.event(rec.pod, undefined, kubeletEvents.sandboxFailed((err as Error).message));
    ctx.resyncAt(rec.uid, ctx.clock.now().getTime() + errorResyncMs(ctx.timings));
    return false;
  }
  ctx.requestStatus(rec);
  return true;
}

/** Runs the init containers in order; true once all of them completed in this sandbox. */
async function runInitContainers(ctx: PodContext, rec: PodRecord, specs: ContainerSpecView[]): Promise<boolean> {
  const restartPolicy = specOf(rec.pod).restartPolicy ?? 'Always';
  for (const spec of specs) {
    const c = rec.containers.get(spec.name)!;
    const cur = c.current?.sandboxId === rec.sandbox!.id ? c.current.status : undefined;
    if (cur?.state === 'running') return false;
    if (cur?.state === 'exited' && cur.exitCode === 0) continue;
    if (cur?.state === 'exited') {
      // A failed init container fails the pod under Never; otherwise it is retried with back-off.
      if (restartPolicy === 'Never' || inCrashBackoff(ctx, rec, c)) return false;
    }
    await startContainer(ctx, rec, spec, true);
    return false;
  }
  return true;
}

/** The pod's image was changed (`kubectl set image`): the kubelet stops the container to start the new one. */
async function restartChanged(ctx: PodContext, rec: PodRecord, c: ContainerRecord): Promise<void> {
  const id = c.current!.id;
  ctx.event(rec.pod, containerFieldPath(c.name, c.init), kubeletEvents.killing(c.name, `Container ${c.name} definition changed, will be restarted`));
  await ctx.runtime.stopContainer(id, gracePeriodOf(rec));
  ctx.checkAlive();
  c.current!.status = (await ctx.runtime.containerStatus(id)) ?? c.current!.status;
}

/** Starts the containers that are not running and restarts those the policy restarts. */
async function runContainers(ctx: PodContext, rec: PodRecord, specs: ContainerSpecView[]): Promise<void> {
  const restartPolicy = specOf(rec.pod).restartPolicy ?? 'Always';
  for (const spec of specs) {
    const c = rec.containers.get(spec.name)!;
    const cur = c.current?.sandboxId === rec.sandbox!.id ? c.current.status : undefined;
    if (cur?.state === 'running' && c.current!.specImage !== spec.image) {
      await restartChanged(ctx, rec, c);
      await startContainer(ctx, rec, spec, false);
      continue;
    }
    if (cur?.state === 'running') continue;
    if (cur && !shouldRestart(c, restartPolicy, false)) continue;
    if (cur && inCrashBackoff(ctx, rec, c)) continue;
    await startContainer(ctx, rec, spec, false);
  }
}

/** One sync of the pod. */
export async function syncPod(ctx: PodContext, rec: PodRecord): Promise<void> {
  if (rec.removed) return finishPod(ctx, rec);
  if (rec.pod.metadata?.deletionTimestamp) return terminatePod(ctx, rec);
  rec.startTime ??= ctx.clock.now().toISOString().replace(/\.\d+Z$/, 'Z');
  await refreshRecord(ctx, rec);
  ctx.checkAlive();
  if (rec.killed) {
    // Nothing runs any more; only the final status may still need writing.
    ctx.requestStatus(rec);
    return;
  }
  const phase = ctx.currentStatus(rec).phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    // Finished for good: stop what is left and release the sandbox's resources.
    rec.killed = true;
    if (rec.sandbox) await ctx.runtime.stopPodSandbox(rec.sandbox.id, 0);
    ctx.checkAlive();
    ctx.requestStatus(rec);
    return;
  }
  if (!(await ensureSandbox(ctx, rec))) {
    ctx.requestStatus(rec);
    return;
  }
  ctx.requestStatus(rec);
  const spec = specOf(rec.pod);
  if (await runInitContainers(ctx, rec, spec.initContainers ?? [])) await runContainers(ctx, rec, spec.containers);
  ctx.requestStatus(rec);
}
