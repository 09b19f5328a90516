/**
 * replicaset-controller and replicationcontroller-controller (upstream
 * pkg/controller/replicaset, which also serves ReplicationControllers): keep
 * spec.replicas active pods from the template for every owner, and its status
 * current. One factory builds both; keys are `namespace/name` of the owner.
 *
 * Pod events feed two things: the expectations (a pod of ours appeared, or
 * is going away — recorded before the key is queued, so the sync they
 * trigger sees them) and the queue (the pod's controller, or for an orphan
 * every owner whose selector it matches, which may adopt it).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { matchesLabels } from '@mk/api';
import { objectKey } from '@mk/client';
import { getControllerOf, isControlledByKind } from '../framework/controller-ref';
import { createExpectations } from '../framework/expectations';
import { PODS } from '../framework/resources';
import type { ControllerContext, ControllerDefinition, Reconciler, Typed } from '../framework/types';
import { isPodActive, podKey } from './active-pods';
import { REPLICA_SET_KIND, REPLICATION_CONTROLLER_KIND, type ReplicaKind, type ReplicaOwner } from './kinds';
import { syncReplicaOwner } from './sync';

export { REPLICASET_CONTROLLER, REPLICATION_CONTROLLER_CONTROLLER, REPLICASET_EVENT_COMPONENT, REPLICATION_CONTROLLER_EVENT_COMPONENT } from './kinds';

/** Upstream's --concurrent-replicaset-syncs / --concurrent-rc-syncs default. */
export const REPLICA_CONTROLLER_WORKERS = 5;

function createFor(kind: ReplicaKind, ctx: ControllerContext): Reconciler {
  const owners = ctx.informers.informerFor<Typed<ReplicaOwner>>(kind.target);
  const pods = ctx.informers.informerFor<Typed<Pod>>(PODS);
  const expectations = createExpectations(ctx.clock);
  const events = ctx.events(kind.eventComponent);

  /** resolveControllerRef: the key of the owner controlling the pod, if it is one of ours and still the same object. */
  const ownerKeyOf = (pod: Readonly<Pod>): string | undefined => {
    if (!isControlledByKind(pod, kind.group, kind.kind)) return undefined;
    const ref = getControllerOf(pod)!;
    const key = `${pod.metadata?.namespace}/${ref.name}`;
    return owners.lister.get(key)?.metadata?.uid === ref.uid ? key : undefined;
  };

  /** The owners that select an orphan: they may adopt it. Only an active pod can be adopted. */
  const ownersSelecting = (pod: Readonly<Pod>): string[] => {
    if (!isPodActive(pod)) return [];
    return owners.lister
      .byNamespace(pod.metadata?.namespace ?? '')
      .filter((owner) => {
        try {
          return matchesLabels(kind.selector(owner), pod.metadata?.labels);
        } catch {
          return false; // an invalid selector selects nothing
        }
      })
      .map((owner) => objectKey(owner));
  };

  const observeDeletion = (pod: Readonly<Pod>) => {
    const key = ownerKeyOf(pod);
    if (key) expectations.deletionObserved(key, podKey(pod));
  };

  pods.addHandlers({
    onAdd(pod) {
      // A pod that shows up already terminating (say, after a restart) is no creation we waited for.
      if (pod.metadata?.deletionTimestamp) return observeDeletion(pod);
      const key = ownerKeyOf(pod);
      if (key) expectations.creationObserved(key);
    },
    onUpdate(oldPod, pod) {
      // A graceful deletion is under way: the owner should replace the pod now, not when it is finally gone.
      if (!pod.metadata?.deletionTimestamp) return;
      observeDeletion(pod);
      if (ownerKeyOf(oldPod) !== ownerKeyOf(pod)) observeDeletion(oldPod);
    },
    onDelete: observeDeletion,
  });
  owners.addHandlers({
    // Forget what a deleted owner waited for, so a new one of the same name starts clean.
    onUpdate(oldOwner, owner) {
      if (oldOwner.metadata?.uid !== owner.metadata?.uid) expectations.forget(objectKey(oldOwner));
    },
    onDelete: (owner) => expectations.forget(objectKey(owner)),
  });

  return {
    name: kind.controllerName,
    workers: REPLICA_CONTROLLER_WORKERS,
    watches: [
      { informer: owners, keys: (owner) => [objectKey(owner)] },
      {
        informer: pods,
        keys: (pod) => {
          const ref = getControllerOf(pod);
          if (!ref) return ownersSelecting(pod);
          const key = ownerKeyOf(pod);
          return key ? [key] : [];
        },
        // A periodic resync repeats unchanged pods; only real changes matter.
        changed: (a, b) => a.metadata?.resourceVersion !== b.metadata?.resourceVersion,
      },
    ],
    reconcile: (key) => syncReplicaOwner({ client: ctx.client, kind, events, expectations, clock: ctx.clock, owners: owners.lister, pods: pods.lister, log: ctx.log }, key),
  };
}

/** A replica controller definition for one of the two kinds. */
export function replicaControllerFor(kind: ReplicaKind): ControllerDefinition {
  return { name: kind.controllerName, create: (ctx) => createFor(kind, ctx) };
}

/** The ReplicaSet controller's definition for the manager. */
export const replicaSetController: ControllerDefinition = replicaControllerFor(REPLICA_SET_KIND);

/** The ReplicationController controller's definition for the manager. */
export const replicationControllerController: ControllerDefinition = replicaControllerFor(REPLICATION_CONTROLLER_KIND);
