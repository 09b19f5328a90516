/**
 * ttl-after-finished-controller (upstream pkg/controller/ttlafterfinished):
 * deletes finished Jobs once their ttlSecondsAfterFinished has passed,
 * looking at each again when its TTL is due.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import { objectKey, splitKey } from '@mk/client';
import { JOBS } from '../framework/resources';
import type { ControllerContext, ControllerDefinition, Reconciler, Typed } from '../framework/types';
import { deleteIfExpired } from './apply';
import { needsCleanup, planTtl } from './plan';

export const TTL_AFTER_FINISHED_CONTROLLER = 'ttl-after-finished-controller';
/** kube-controller-manager's --concurrent-ttl-after-finished-syncs default. */
const TTL_WORKERS = 5;

function create(ctx: ControllerContext): Reconciler {
  const jobs = ctx.informers.informerFor<Typed<Job>>(JOBS);
  return {
    name: TTL_AFTER_FINISHED_CONTROLLER,
    workers: TTL_WORKERS,
    watches: [{ informer: jobs, keys: (job) => (!job.metadata?.deletionTimestamp && needsCleanup(job) ? [objectKey(job)] : []) }],
    async reconcile(key) {
      const job = jobs.lister.get(key);
      if (!job) return;
      let decision = planTtl(job, ctx.clock.now());
      if (decision.kind === 'delete') {
        const { namespace, name } = splitKey(key);
        decision = await deleteIfExpired(ctx.client, namespace ?? '', name, ctx.clock.now());
      }
      return decision.kind === 'wait' ? { requeueAfterMs: decision.ms } : undefined;
    },
  };
}

/** The TTL-after-finished controller's definition for the manager. */
export const ttlAfterFinishedController: ControllerDefinition = { name: TTL_AFTER_FINISHED_CONTROLLER, create };
