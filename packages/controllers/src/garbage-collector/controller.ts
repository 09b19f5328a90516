/**
 * garbage-collector-controller (upstream pkg/controller/garbagecollector):
 * watches every served kind but events, keeps the dependency graph
 * (graph.ts) and deletes what lost its owners — background, foreground and
 * orphan propagation as the owners' deletion asks.
 *
 * Each informer gets two handlers, in this order: the graph's, which applies
 * the event and collects the work it calls for, and the reconciler's watch,
 * registered after it by the manager, which hands that work to the queue
 * (handlers of one informer run synchronously in registration order).
 * Keys are `delete/<uid>` (attemptToDelete) and `orphan/<uid>` (attemptToOrphan).
 */
import type { KObject } from '@mk/api';
import type { ControllerContext, ControllerDefinition, Reconciler, Watch } from '../framework/types';
import { AbsentOwnerCache } from './absent-owners';
import { attemptToDelete, attemptToOrphan, type CollectorDeps } from './attempt';
import { DependencyGraph, type GraphEffects, type ObjectFacts } from './graph';
import { collectedKinds, identityOf, identityString } from './identity';

/** kube-controller-manager's name for the controller (also the events' source component). */
export const GARBAGE_COLLECTOR_CONTROLLER = 'garbage-collector-controller';
/** The warning about a reference to an owner in another namespace. */
export const EVENT_OWNER_REF_INVALID_NAMESPACE = 'OwnerRefInvalidNamespace';
/** kube-controller-manager's --concurrent-gc-syncs. */
const CONCURRENT_GC_SYNCS = 20;
const DELETE = 'delete/';
const ORPHAN = 'orphan/';

function create(ctx: ControllerContext): Reconciler {
  const graph = new DependencyGraph();
  const deps: CollectorDeps = { client: ctx.client, graph, absent: new AbsentOwnerCache() };
  const events = ctx.events(GARBAGE_COLLECTOR_CONTROLLER);
  /** Work the graph produced for the event being delivered; the watch handler right after takes it. */
  const pending = new Set<string>();

  const record = (effects: GraphEffects) => {
    for (const uid of effects.attemptToDelete) pending.add(DELETE + uid);
    for (const uid of effects.attemptToOrphan) pending.add(ORPHAN + uid);
    for (const { dependent, reference } of effects.invalid) {
      const invalid = { apiVersion: reference.apiVersion, kind: reference.kind, namespace: dependent.namespace, name: reference.name, uid: reference.uid };
      events({ regarding: dependent, type: 'Warning', reason: EVENT_OWNER_REF_INVALID_NAMESPACE, message: `ownerRef ${identityString(invalid)} does not resolve to a parent with matching namespace` });
    }
  };
  const drain = () => {
    const keys = [...pending];
    pending.clear();
    return keys;
  };

  const watches: Watch[] = collectedKinds().map((info) => {
    const informer = ctx.informers.informerFor<KObject>({ group: info.group, version: info.version, plural: info.plural });
    const facts = (obj: Readonly<KObject>): ObjectFacts => ({
      identity: identityOf(info, obj),
      owners: obj.metadata?.ownerReferences ?? [],
      deletionTimestamp: obj.metadata?.deletionTimestamp,
      finalizers: obj.metadata?.finalizers ?? [],
    });
    informer.addHandlers({
      onAdd: (obj) => record(graph.upsert(facts(obj))),
      onUpdate: (oldObj, newObj) => record(graph.upsert(facts(newObj), facts(oldObj))),
      onDelete: (obj) => record(graph.remove(facts(obj))),
    });
    return { informer, keys: drain };
  });

  return {
    name: GARBAGE_COLLECTOR_CONTROLLER,
    workers: CONCURRENT_GC_SYNCS,
    watches,
    reconcile(key) {
      if (key.startsWith(ORPHAN)) return attemptToOrphan(deps, key.slice(ORPHAN.length));
      return attemptToDelete(deps, key.slice(DELETE.length));
    },
  };
}

/** The garbage collector's definition for the manager. */
export const garbageCollectorController: ControllerDefinition = { name: GARBAGE_COLLECTOR_CONTROLLER, create };
