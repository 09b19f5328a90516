/**
 * daemonset-controller (upstream pkg/controller/daemon): keeps one pod of
 * every DaemonSet on each node that should run it, rolls template changes out
 * by its update strategy, keeps its history as ControllerRevisions and reports
 * status. Keys are DaemonSet keys; pods, revisions and nodes map onto them.
 */
import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { labelSelectorFromSpec, matchesLabels } from '@mk/api';
import { objectKey } from '@mk/client';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { ControllerContext, ControllerDefinition, Reconciler, Typed } from '../framework/types';
import { CONTROLLER_REVISIONS, DAEMON_SETS, NODES, PODS } from '../framework/resources';
import { getControllerOf } from '../framework/controller-ref';
import { createExpectations } from '../framework/expectations';
import { createFailedPodBackoff } from './backoff';
import { nodeShouldRunDaemonPod } from './should-run';
import { syncDaemonSet } from './sync';

export const DAEMON_SET_CONTROLLER = 'daemonset-controller';
/** ConcurrentDaemonSetSyncs' default. */
export const DAEMON_SET_WORKERS = 2;

type Labelled = { readonly metadata?: { readonly namespace?: string; readonly labels?: Readonly<Record<string, string>>; readonly resourceVersion?: string } };

/** shouldIgnoreNodeUpdate: only heartbeats changed (same conditions True, nothing else but resourceVersion). */
export function nodeChanged(oldNode: Readonly<Node>, newNode: Readonly<Node>): boolean {
  const trueTypes = (n: Readonly<Node>) => (n.status?.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type).sort().join(',');
  if (trueTypes(oldNode) !== trueTypes(newNode)) return true;
  const strip = (n: Readonly<Node>) => JSON.stringify({ ...n, metadata: { ...n.metadata, resourceVersion: undefined }, status: { ...n.status, conditions: undefined } });
  return strip(oldNode) !== strip(newNode);
}

function create(ctx: ControllerContext): Reconciler {
  const daemonSets = ctx.informers.informerFor<Typed<DaemonSet>>(DAEMON_SETS);
  const revisions = ctx.informers.informerFor<Typed<ControllerRevision>>(CONTROLLER_REVISIONS);
  const pods = ctx.informers.informerFor<Typed<Pod>>(PODS);
  const nodes = ctx.informers.informerFor<Typed<Node>>(NODES);
  const expectations = createExpectations(ctx.clock);
  const failedPodBackoff = createFailedPodBackoff();

  /** resolveControllerRef: the DaemonSet a controller reference names, if it still is that one. */
  const resolve = (namespace: string | undefined, ref: OwnerReference | undefined): Readonly<Typed<DaemonSet>> | undefined => {
    // As upstream, the kind and the uid decide; the name only finds the candidate.
    if (!ref || ref.kind !== 'DaemonSet') return undefined;
    const ds = daemonSets.lister.get(`${namespace}/${ref.name}`);
    return ds?.metadata?.uid === ref.uid ? ds : undefined;
  };
  /** GetPodDaemonSets / GetHistoryDaemonSets: the DaemonSets whose (non-empty) selector matches an orphan. */
  const selecting = (obj: Labelled): string[] =>
    daemonSets.lister
      .byNamespace(obj.metadata?.namespace ?? '')
      .filter((ds) => {
        try {
          const selector = labelSelectorFromSpec(ds.spec?.selector);
          return selector.requirements.length > 0 && matchesLabels(selector, obj.metadata?.labels as Record<string, string> | undefined);
        } catch {
          return false;
        }
      })
      .map((ds) => objectKey(ds));
  /** The owning DaemonSet's key, or for an orphan every DaemonSet that might adopt it. */
  const ownerKeys = (obj: Labelled & { readonly metadata?: { readonly ownerReferences?: readonly OwnerReference[] } }): string[] => {
    const ref = getControllerOf(obj);
    if (ref) {
      const ds = resolve(obj.metadata?.namespace, ref);
      return ds ? [objectKey(ds)] : [];
    }
    return selecting(obj);
  };

  // Expectations are observed before the watches enqueue (handlers run in registration order).
  const observeDeletion = (pod: Readonly<Typed<Pod>>) => {
    const ds = resolve(pod.metadata?.namespace, getControllerOf(pod));
    if (ds) expectations.deletionObserved(objectKey(ds), objectKey(pod));
  };
  pods.addHandlers({
    onAdd(pod) {
      if (pod.metadata?.deletionTimestamp) return observeDeletion(pod);
      const ds = resolve(pod.metadata?.namespace, getControllerOf(pod));
      if (ds) expectations.creationObserved(objectKey(ds));
    },
    onUpdate(_old, pod) {
      if (pod.metadata?.deletionTimestamp) observeDeletion(pod);
    },
    onDelete: observeDeletion,
  });
  // A DaemonSet deleted, or replaced under the same name, starts with clean expectations.
  daemonSets.addHandlers({
    onUpdate(oldDs, newDs) {
      if (oldDs.metadata?.uid !== newDs.metadata?.uid) expectations.forget(objectKey(oldDs));
    },
    onDelete: (ds) => expectations.forget(objectKey(ds)),
  });

  const events = ctx.events(DAEMON_SET_CONTROLLER);
  const deps = {
    client: ctx.client,
    events,
    expectations,
    clock: ctx.clock,
    failedPodBackoff,
    daemonSet: (key: string) => daemonSets.lister.get(key),
    nodes: () => nodes.lister.list(),
    podsIn: (namespace: string) => pods.lister.byNamespace(namespace),
    revisionsIn: (namespace: string) => revisions.lister.byNamespace(namespace),
  };

  /**
   * DaemonSets a node matters to: those that would run, or keep running, a pod on it. On an update this is
   * asked of the old and the new node, a superset of upstream's updateNode (which enqueues only when the
   * answer flips): a sync that finds nothing to do writes nothing.
   */
  const daemonSetsForNode = (node: Readonly<Node>): string[] =>
    daemonSets.lister
      .list()
      .filter((ds) => {
        const e = nodeShouldRunDaemonPod(node, ds);
        return e.shouldRun || e.shouldContinueRunning;
      })
      .map((ds) => objectKey(ds));

  const resourceVersionChanged = (a: Labelled, b: Labelled) => a.metadata?.resourceVersion !== b.metadata?.resourceVersion;

  return {
    name: DAEMON_SET_CONTROLLER,
    workers: DAEMON_SET_WORKERS,
    watches: [
      { informer: daemonSets, keys: (ds) => [objectKey(ds)] },
      { informer: pods, keys: ownerKeys, changed: resourceVersionChanged },
      { informer: revisions, keys: ownerKeys, changed: resourceVersionChanged },
      // On an update the keys of the old and the new node are both enqueued: a DaemonSet the node left or joined syncs.
      { informer: nodes, keys: daemonSetsForNode, changed: nodeChanged },
    ],
    reconcile: (key) => syncDaemonSet(deps, key),
  };
}

/** The DaemonSet controller's definition for the manager. */
export const daemonSetController: ControllerDefinition = { name: DAEMON_SET_CONTROLLER, create };
