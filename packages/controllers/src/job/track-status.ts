/**
 * The writes of job tracking (upstream trackJobStatusAndRemoveFinalizers and
 * flushUncountedAndRemoveFinalizers), in the order that makes counting
 * exact: status with the new uncounted UIDs first, then the finalizer
 * removals, then the counters and — once nothing is left uncounted or
 * terminating — the terminal condition with its events.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import { isNotFound } from '@mk/client';
import type { JobSyncState } from './assess';
import type { JobSyncDeps } from './sync';
import { enactJobFinished, jobFinishedEvents } from './finish';
import { countPodsWithoutFinalizers, planTracking } from './tracking';

/** Tracks finished pods and writes the status as needed; throws if a write failed (after saving what it could). */
export async function trackJobStatus(deps: JobSyncDeps, key: string, state: JobSyncState, needsFlush: boolean, now: Date): Promise<void> {
  const plan = planTracking(state, needsFlush, now);
  let job: Job = state.job;
  let flush = plan.needsFlush;
  if (flush) {
    job = await deps.control.updateStatus(job);
    // The streak is remembered only once the failures it counts are on record.
    deps.backoffs.set(key, state.newBackoffRecord);
    flush = false;
  }

  const withFinalizer = plan.uidsWithFinalizer;
  let removeError: unknown;
  if (plan.podsToRemoveFinalizer.length) {
    deps.finalizerExpectations.expectRemoved(
      key,
      plan.podsToRemoveFinalizer.map((p) => p.metadata!.uid!),
    );
    await Promise.all(
      plan.podsToRemoveFinalizer.map(async (pod) => {
        const uid = pod.metadata!.uid!;
        try {
          await deps.control.removeTrackingFinalizer(pod);
        } catch (err) {
          // A failed removal will never be observed; a pod that is gone has no finalizer left.
          deps.finalizerExpectations.removalObserved(key, uid);
          if (!isNotFound(err)) {
            removeError ??= err;
            return;
          }
        }
        withFinalizer.delete(uid);
      }),
    );
  }
  if (countPodsWithoutFinalizers((job.status ??= {}), withFinalizer)) flush = true;
  if (removeError) {
    // Save the partial progress before retrying.
    if (flush) await deps.control.updateStatus(job);
    throw removeError;
  }

  const finished = !plan.reachedMaxUncounted && enactJobFinished(job, plan.terminalCondition, state.terminating, now);
  if (finished) flush = true;
  if (!flush) return;
  job = await deps.control.updateStatus(job);
  if (finished) for (const event of jobFinishedEvents(job, plan.terminalCondition!)) deps.events(event);
}
