/**
 * Starts one container as the kubelet's startContainer: image, create,
 * start, with Created/Started/Failed events; a failure leaves the reason the
 * container waits for (CreateContainerError, RunContainerError, …).
 */
import { ContainerStartError } from '../runtime/types';
import { errorResyncMs, type PodContext } from './context';
import { ensureImage } from './image-puller';
import { kubeletEvents } from './kubelet-events';
import type { ContainerSpecView, PodRecord } from './types';

/** The event fieldPath of a container: `spec.containers{web}` or `spec.initContainers{init}`. */
export function containerFieldPath(name: string, init: boolean): string {
  return `spec.${init ? 'initContainers' : 'containers'}{${name}}`;
}

/** Resolves true when the container is running (or ran and exited at once). */
export async function startContainer(ctx: PodContext, rec: PodRecord, spec: ContainerSpecView, init: boolean): Promise<boolean> {
  const { runtime } = ctx;
  const record = rec.containers.get(spec.name)!;
  const sandbox = rec.sandbox!;
  const fieldPath = containerFieldPath(spec.name, init);
  const waiting = ctx.waiting(rec.uid);
  const fail = (reason: string, message: string) => {
    ctx.event(rec.pod, fieldPath, kubeletEvents.failed(message));
    waiting.set(spec.name, { reason, message });
    ctx.resyncAt(rec.uid, ctx.clock.now().getTime() + errorResyncMs(ctx.timings));
    return false;
  };

  const imageID = await ensureImage(ctx, rec, spec, fieldPath);
  if (imageID === undefined) return false;

  let id: string;
  try {
    id = await runtime.createContainer(sandbox.id, spec, rec.pod);
  } catch (err) {
    ctx.checkAlive();
    if (!(err instanceof ContainerStartError)) throw err;
    return fail(err.reason === 'RunContainerError' ? 'CreateContainerError' : err.reason, err.message);
  }
  ctx.checkAlive();
  // A new instance: the one before it becomes lastState, and the restart count grows.
  if (record.current) {
    record.previous = record.current;
    record.restartCount++;
  }
  const created = await runtime.containerStatus(id);
  record.current = { id, sandboxId: sandbox.id, specImage: spec.image, status: created ?? { id, name: spec.name, state: 'created', image: spec.image, imageID } };
  ctx.event(rec.pod, fieldPath, kubeletEvents.created(spec.name));

  try {
    await runtime.startContainer(id);
  } catch (err) {
    ctx.checkAlive();
    if (!(err instanceof ContainerStartError)) throw err;
    record.current.status = (await runtime.containerStatus(id)) ?? record.current.status;
    return fail('RunContainerError', err.message);
  }
  ctx.checkAlive();
  record.current.status = (await runtime.containerStatus(id)) ?? record.current.status;
  waiting.delete(spec.name);
  ctx.event(rec.pod, fieldPath, kubeletEvents.started(spec.name));
  return true;
}
