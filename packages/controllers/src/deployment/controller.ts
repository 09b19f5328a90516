/**
 * deployment-controller (upstream pkg/controller/deployment): rolls
 * Deployments out through ReplicaSets — creating the ReplicaSet of each new
 * template, scaling new and old ones within maxSurge/maxUnavailable (or
 * Recreate's all-then-all), scaling proportionally, trimming history and
 * reporting status and conditions. Pods are the ReplicaSet controller's; the
 * pod informer only tells Recreate when the old pods are gone.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { objectKey } from '@mk/client';
import type { ControllerContext, ControllerDefinition, Reconciler, Typed } from '../framework/types';
import { DEPLOYMENTS, PODS, REPLICA_SETS } from '../framework/resources';
import { apiDeploymentWrites } from './apply';
import { keysForDeletedPod, keysForReplicaSet, type MappingCache } from './event-mapping';
import { syncDeployment } from './sync';

/** kube-controller-manager's name for this controller (also the source component of its events). */
export const DEPLOYMENT_CONTROLLER = 'deployment-controller';

/** kube-controller-manager's --concurrent-deployment-syncs default. */
const WORKERS = 5;

function create(ctx: ControllerContext): Reconciler {
  const deployments = ctx.informers.informerFor<Typed<Deployment>>(DEPLOYMENTS);
  const replicaSets = ctx.informers.informerFor<Typed<ReplicaSet>>(REPLICA_SETS);
  const pods = ctx.informers.informerFor<Typed<Pod>>(PODS);
  const events = ctx.events(DEPLOYMENT_CONTROLLER);
  const writes = apiDeploymentWrites(ctx.client);
  const cache: MappingCache = {
    deployment: (key) => deployments.lister.get(key),
    deploymentsIn: (ns) => deployments.lister.byNamespace(ns),
    replicaSet: (key) => replicaSets.lister.get(key),
    replicaSetsIn: (ns) => replicaSets.lister.byNamespace(ns),
    podsIn: (ns) => pods.lister.byNamespace(ns),
  };

  return {
    name: DEPLOYMENT_CONTROLLER,
    workers: WORKERS,
    watches: [
      { informer: deployments, keys: (d) => [objectKey(d)] },
      {
        informer: replicaSets,
        keys: (rs) => keysForReplicaSet(cache, rs),
        // A resync delivers the same version again; only real changes matter.
        changed: (a, b) => a.metadata?.resourceVersion !== b.metadata?.resourceVersion,
      },
      {
        informer: pods,
        // Only deletions matter (upstream handles no pod adds or updates); a deleted pod is no longer in the cache.
        keys: (pod) => (pods.lister.get(objectKey(pod)) ? [] : keysForDeletedPod(cache, pod)),
        changed: () => false,
      },
    ],
    async reconcile(key) {
      const d = deployments.lister.get(key);
      if (!d) return undefined;
      const ns = d.metadata!.namespace!;
      return syncDeployment(
        {
          writes,
          events,
          log: ctx.log,
          now: ctx.clock.now(),
          replicaSets: replicaSets.lister.byNamespace(ns),
          replicaSet: (name) => replicaSets.lister.get(`${ns}/${name}`),
          pods: pods.lister.byNamespace(ns),
        },
        d,
      );
    },
  };
}

/** The deployment controller's definition for the manager. */
export const deploymentController: ControllerDefinition = { name: DEPLOYMENT_CONTROLLER, create };
