/**
 * disruption-controller (upstream pkg/controller/disruption): keeps every
 * PodDisruptionBudget's status current so the eviction API (and so `drain`)
 * can honour it, and clears DisruptionTarget conditions that went stale.
 *
 * Two queues, as upstream: PDB keys (enqueued for the PDB and for every pod
 * it selects) and pod keys for stale DisruptionTarget conditions.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { objectKey } from '@mk/client';
import type { ControllerContext, ControllerDefinition, Reconciler, Typed } from '../framework/types';
import { DEPLOYMENTS, PODS, POD_DISRUPTION_BUDGETS, REPLICA_SETS, REPLICATION_CONTROLLERS, STATEFUL_SETS } from '../framework/resources';
import { ignoreNotFound } from '../framework/writes';
import { createScaleFinder } from './scale-finder';
import { clearDisruptionTarget, staleDisruption } from './stale-disruption';
import { selectPods, syncPdb } from './sync';

export const DISRUPTION_CONTROLLER = 'disruption-controller';
/** Upstream's recorder for this controller uses the generic component name. */
export const DISRUPTION_EVENT_COMPONENT = 'controllermanager';

function create(ctx: ControllerContext): Reconciler[] {
  const { clock, client } = ctx;
  const pdbs = ctx.informers.informerFor<Typed<PodDisruptionBudget>>(POD_DISRUPTION_BUDGETS);
  const pods = ctx.informers.informerFor<Typed<Pod>>(PODS);
  const findScale = createScaleFinder({
    client,
    replicationControllers: ctx.informers.informerFor(REPLICATION_CONTROLLERS).lister,
    replicaSets: ctx.informers.informerFor(REPLICA_SETS).lister,
    deployments: ctx.informers.informerFor(DEPLOYMENTS).lister,
    statefulSets: ctx.informers.informerFor(STATEFUL_SETS).lister,
  });
  const events = ctx.events(DISRUPTION_EVENT_COMPONENT);

  /** Keys of the PDBs selecting the pod (upstream enqueues only the first; all of them is what each needs). */
  const pdbKeysFor = (pod: Readonly<Pod>): string[] =>
    pdbs.lister
      .byNamespace(pod.metadata?.namespace ?? '')
      .filter((pdb) => {
        try {
          return selectPods(pdb, [pod]).length > 0;
        } catch {
          return false; // an invalid selector selects nothing
        }
      })
      .map((pdb) => objectKey(pdb));

  const budgets: Reconciler = {
    name: DISRUPTION_CONTROLLER,
    watches: [
      { informer: pdbs, keys: (pdb) => [objectKey(pdb)] },
      { informer: pods, keys: pdbKeysFor },
    ],
    async reconcile(key) {
      const pdb = pdbs.lister.get(key);
      if (!pdb) return;
      const recheckMs = await syncPdb({ client, events, findScale, podsIn: (ns) => pods.lister.byNamespace(ns), now: () => clock.now() }, pdb);
      return recheckMs !== undefined ? { requeueAfterMs: recheckMs } : undefined;
    },
  };

  const stalePods: Reconciler = {
    name: `${DISRUPTION_CONTROLLER}-stale-pod-disruption`,
    watches: [{ informer: pods, keys: (pod) => (staleDisruption(pod, clock.now()).stale ? [objectKey(pod)] : []) }],
    async reconcile(key) {
      const pod = pods.lister.get(key);
      if (!pod) return;
      const now = clock.now();
      const stale = staleDisruption(pod, now);
      if (!stale.stale) return;
      if (stale.waitMs > 0) return { requeueAfterMs: stale.waitMs };
      const { namespace, name } = pod.metadata!;
      const path = client.path({ group: '', version: 'v1', plural: 'pods', namespace, name, subresource: 'status' });
      const body = { ...structuredClone(pod), apiVersion: 'v1', kind: 'Pod', status: { ...structuredClone(pod.status), conditions: clearDisruptionTarget(pod, now) } };
      await ignoreNotFound(client.request('PUT', path, { body }));
    },
  };

  return [budgets, stalePods];
}

/** The disruption controller's definition for the manager. */
export const disruptionController: ControllerDefinition = { name: DISRUPTION_CONTROLLER, create };
