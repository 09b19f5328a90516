/**
 * Makes sure a container's image is on the node, as the kubelet's image
 * manager: honours the pull policy, backs off after failed pulls
 * (ErrImagePull, then ImagePullBackOff), and records Pulling/Pulled/Failed/BackOff.
 */
import { parseImageRef } from '../runtime/image-ref';
import { ImagePullError } from '../runtime/types';
import { errorResyncMs, type PodContext } from './context';
import { kubeletEvents } from './kubelet-events';
import type { ContainerSpecView, PodRecord } from './types';

/** The API server defaults imagePullPolicy; without it, `:latest` or no tag means Always. */
export function pullPolicyOf(spec: ContainerSpecView): 'Always' | 'IfNotPresent' | 'Never' {
  if (spec.imagePullPolicy) return spec.imagePullPolicy;
  const ref = parseImageRef(spec.image);
  return !ref.digest && (!ref.tag || ref.tag === 'latest') ? 'Always' : 'IfNotPresent';
}

/** Resolves with the image ID, or undefined when the container cannot start yet (its waiting reason is set). */
export async function ensureImage(ctx: PodContext, rec: PodRecord, spec: ContainerSpecView, fieldPath: string): Promise<string | undefined> {
  const { runtime, clock } = ctx;
  const image = spec.image;
  const policy = pullPolicyOf(spec);
  const waiting = ctx.waiting(rec.uid);
  const emit = (e: Parameters<PodContext['event']>[2]) => ctx.event(rec.pod, fieldPath, e);
  const present = await runtime.imageStatus(image);
  ctx.checkAlive();
  if (policy === 'Never' || (present && policy === 'IfNotPresent')) {
    if (present) {
      emit(kubeletEvents.alreadyPresent(image));
      return present.id;
    }
    const message = kubeletEvents.neverPull(image).message;
    emit(kubeletEvents.neverPull(image));
    emit(kubeletEvents.failed('ErrImageNeverPull'));
    waiting.set(spec.name, { reason: 'ErrImageNeverPull', message });
    return undefined;
  }
  const key = `${rec.uid}_${image}`;
  const until = ctx.imageBackoff.inBackOffSinceUpdate(key);
  if (until !== undefined) {
    emit(kubeletEvents.pullBackOff(image));
    emit(kubeletEvents.failed('ImagePullBackOff'));
    waiting.set(spec.name, { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` });
    ctx.resyncAt(rec.uid, until);
    return undefined;
  }
  emit(kubeletEvents.pulling(image));
  const started = clock.now().getTime();
  let id: string;
  try {
    id = await runtime.pullImage(image, rec.pod);
  } catch (err) {
    if (!(err instanceof ImagePullError)) throw err;
    ctx.checkAlive();
    emit(kubeletEvents.pullFailed(image, err.message));
    emit(kubeletEvents.failed('ErrImagePull'));
    ctx.imageBackoff.next(key, clock.now().getTime());
    waiting.set(spec.name, { reason: 'ErrImagePull', message: err.message });
    ctx.resyncAt(rec.uid, clock.now().getTime() + errorResyncMs(ctx.timings));
    return undefined;
  }
  ctx.checkAlive();
  const took = clock.now().getTime() - started;
  const size = (await runtime.imageStatus(image))?.sizeBytes ?? 0;
  emit(kubeletEvents.pulled(image, took, took, size));
  return id;
}
