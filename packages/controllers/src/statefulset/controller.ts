/**
 * statefulset-controller (upstream pkg/controller/statefulset): gives each
 * StatefulSet its pods `<set>-<n>` with stable names, hostnames and claims,
 * in order, and rolls template changes out through ControllerRevisions.
 *
 * A sync: adopt orphaned revisions and pods (release pods that no longer
 * match), settle the update revision (creating or renumbering one), plan,
 * apply, record the status through /status, prune old revisions.
 */
import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { labelSelectorFromSpec, matchesLabels, type LabelSelector } from '@mk/api';
import { objectKey, type ReconcileResult } from '@mk/client';
import { controllerKey, getControllerOf } from '../framework/controller-ref';
import { CONTROLLER_REVISIONS, PERSISTENT_VOLUME_CLAIMS, PODS, STATEFUL_SETS } from '../framework/resources';
import type { ControllerContext, ControllerDefinition, Reconciler, Typed } from '../framework/types';
import { applyActions } from './apply';
import { claimPods, claimRevisions } from './adoption';
import { createRevision, deleteRevision, renumberRevision } from './history';
import { createPendingWrites } from './pending-writes';
import { planStatefulSet } from './plan';
import { decideRevisions, revisionsToPrune } from './revisions';
import { completeRollingUpdate, nextAvailabilityCheckMs, statusChanged } from './status';
import { writeStatus } from './write-status';

export const STATEFUL_SET_CONTROLLER = 'statefulset-controller';

const GROUP = 'apps';
const KIND = 'StatefulSet';

/** The set's selector; undefined when it cannot be parsed (a user error no retry fixes). */
function selectorOf(set: Readonly<StatefulSet>): LabelSelector | undefined {
  try {
    return labelSelectorFromSpec(set.spec?.selector);
  } catch {
    return undefined;
  }
}

function create(ctx: ControllerContext): Reconciler {
  const { client, clock } = ctx;
  const sets = ctx.informers.informerFor<Typed<StatefulSet>>(STATEFUL_SETS);
  const pods = ctx.informers.informerFor<Typed<Pod>>(PODS);
  const claims = ctx.informers.informerFor<Typed<PersistentVolumeClaim>>(PERSISTENT_VOLUME_CLAIMS);
  const revisions = ctx.informers.informerFor<Typed<ControllerRevision>>(CONTROLLER_REVISIONS);
  const events = ctx.events(STATEFUL_SET_CONTROLLER);
  const pending = createPendingWrites(clock);

  /** GetPodStatefulSets: sets of the namespace whose (non-empty) selector matches the labels. */
  const setsSelecting = (namespace: string | undefined, labels: Record<string, string> | undefined): string[] =>
    sets.lister
      .byNamespace(namespace ?? '')
      .filter((set) => {
        const selector = selectorOf(set);
        return !!selector && selector.requirements.length > 0 && matchesLabels(selector, labels);
      })
      .map((set) => objectKey(set));

  /** resolveControllerRef: the owning set's key when the reference names a set we know, with the same uid. */
  const ownerKey = (obj: Readonly<Pod | ControllerRevision>): string | undefined => {
    const key = controllerKey(obj, GROUP, KIND);
    return key && sets.lister.get(key)?.metadata?.uid === getControllerOf(obj)?.uid ? key : undefined;
  };

  /** Owned objects map to their owner; orphans to every set that might adopt them. */
  const keysFor = (obj: Readonly<Pod | ControllerRevision>): string[] => {
    if (getControllerOf(obj)) {
      const key = ownerKey(obj);
      return key ? [key] : [];
    }
    return setsSelecting(obj.metadata?.namespace, obj.metadata?.labels);
  };

  const reconcile = async (key: string): Promise<ReconcileResult> => {
    const set = sets.lister.get(key);
    if (!set) {
      pending.forget(key);
      return;
    }
    const selector = selectorOf(set);
    if (!selector) return;
    const waitMs = pending.waitMs(key, (podKey) => pods.lister.get(podKey));
    if (waitMs > 0) return { requeueAfterMs: waitMs };

    const namespace = set.metadata!.namespace!;
    const history = await claimRevisions(client, set, selector, revisions.lister.byNamespace(namespace));
    const owned = await claimPods(client, set, selector, pods.lister.byNamespace(namespace));

    const decision = decideRevisions(set, history);
    let collisionCount = decision.collisionCount;
    let update: ControllerRevision;
    if (decision.update.kind === 'existing') update = decision.update.revision;
    else if (decision.update.kind === 'renumber') update = await renumberRevision(client, decision.update.revision, decision.update.to);
    else ({ revision: update, collisionCount } = await createRevision(client, set, decision.update.revision, collisionCount));
    const current = decision.current ?? update;

    const now = clock.now();
    const plan = planStatefulSet({ set, currentRevision: current, updateRevision: update, collisionCount, pods: owned, claims: claims.lister.byNamespace(namespace), now });
    const failure = await applyActions({ client, events, pending, setKey: key, set }, plan.actions);

    // The status is recorded even when a write failed, as upstream does.
    const status = completeRollingUpdate(set, plan.status);
    if (statusChanged(set, status)) await writeStatus(client, set, status);
    for (const revision of revisionsToPrune(set, owned, history, [current.metadata?.name, update.metadata?.name])) await deleteRevision(client, revision);
    if (failure) throw failure;

    const recheck = nextAvailabilityCheckMs(owned, set.spec?.minReadySeconds ?? 0, now);
    return recheck !== undefined ? { requeueAfterMs: recheck } : undefined;
  };

  return {
    name: STATEFUL_SET_CONTROLLER,
    // kube-controller-manager's --concurrent-statefulset-syncs default.
    workers: 5,
    watches: [
      { informer: sets, keys: (set) => [objectKey(set)] },
      {
        informer: pods,
        keys: (pod) => {
          const keys = keysFor(pod);
          for (const k of keys) pending.observe(k, pod);
          return keys;
        },
        // Relists repeat unchanged objects; two versions of a pod always differ in resourceVersion.
        changed: (a, b) => a.metadata?.resourceVersion !== b.metadata?.resourceVersion,
      },
      { informer: revisions, keys: keysFor },
      // Claims carry the set's matchLabels: a claim created, released or deleted can unblock its set.
      { informer: claims, keys: (claim) => setsSelecting(claim.metadata?.namespace, claim.metadata?.labels) },
    ],
    reconcile,
  };
}

/** The StatefulSet controller's definition for the manager. */
export const statefulSetController: ControllerDefinition = { name: STATEFUL_SET_CONTROLLER, create };
