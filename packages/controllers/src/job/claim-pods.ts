/**
 * upstream getPodsForJob: the Job's pods are those it controls that match its
 * selector; matching orphans are adopted (controller reference and tracking
 * finalizer), non-matching ones released — adoption only after an uncached
 * read confirms the Job still exists and is not being deleted.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { labelSelectorFromSpec, matchesLabels } from '@mk/api';
import { newControllerRef, planClaims } from '../framework/controller-ref';
import { JOB_API_VERSION, JOB_KIND, JOB_TRACKING_FINALIZER } from './constants';
import type { PodControl } from './pod-control';

/** The Job's pods among `candidates` (pods of its namespace), after adopting and releasing. */
export async function claimPods(control: PodControl, job: Readonly<Job>, candidates: readonly Readonly<Pod>[]): Promise<Readonly<Pod>[]> {
  const selector = labelSelectorFromSpec(job.spec?.selector);
  const plan = planClaims(job, candidates, (pod) => matchesLabels(selector, pod.metadata?.labels));
  for (const pod of plan.release) await control.releasePod(pod, job.metadata!.uid!);
  if (!plan.adopt.length) return plan.owned;

  const fresh = await control.getJob(job.metadata!.namespace!, job.metadata!.name!);
  if (!fresh || fresh.metadata?.uid !== job.metadata?.uid) {
    throw new Error(`original Job ${job.metadata?.namespace}/${job.metadata?.name} is gone: got uid ${fresh?.metadata?.uid ?? ''}, wanted ${job.metadata?.uid}`);
  }
  if (fresh.metadata?.deletionTimestamp) return plan.owned;
  const ref = newControllerRef(job, JOB_API_VERSION, JOB_KIND);
  const adopted: Readonly<Pod>[] = [];
  for (const pod of plan.adopt) {
    if (!(await control.adoptPod(pod, ref))) continue;
    // The rest of the sync sees the adopted pod as the patch left it: owned and tracked.
    const copy = structuredClone(pod) as Pod;
    copy.metadata!.ownerReferences = [...(copy.metadata!.ownerReferences ?? []), ref];
    if (!copy.metadata!.finalizers?.includes(JOB_TRACKING_FINALIZER)) copy.metadata!.finalizers = [...(copy.metadata!.finalizers ?? []), JOB_TRACKING_FINALIZER];
    adopted.push(copy);
  }
  return [...plan.owned, ...adopted];
}
