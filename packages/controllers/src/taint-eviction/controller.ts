/**
 * taint-eviction-controller (upstream pkg/controller/tainteviction): deletes
 * pods from nodes with NoExecute taints they do not tolerate — at once, or
 * after their tolerationSeconds. Keys are node names; a node's pending
 * evictions are remembered here and the key is requeued for the earliest.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { ControllerContext, ControllerDefinition, Reconciler, Typed } from '../framework/types';
import { NODES, PODS } from '../framework/resources';
import { POD_NODE_NAME_INDEX, podNodeNameIndex } from '../framework/pods';
import { evictPodForTaint } from './apply';
import { noExecuteTaints, planTaintEviction, type PodRef } from './plan';

export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';
export const EVENT_TAINT_MANAGER_EVICTION = 'TaintManagerEviction';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function create(ctx: ControllerContext): Reconciler {
  const nodes = ctx.informers.informerFor<Typed<Node>>(NODES);
  const pods = ctx.informers.informerFor<Typed<Pod>>(PODS);
  pods.addIndex(POD_NODE_NAME_INDEX, podNodeNameIndex);
  const events = ctx.events(TAINT_EVICTION_CONTROLLER);
  /** node → (pod key → toleration clock start, ms). */
  const scheduled = new Map<string, Map<string, number>>();
  /** node → uids of its pods this controller deleted, so a cache that has not caught up does not delete them twice. */
  const evictedByNode = new Map<string, Set<string>>();

  const podEvent = (ref: PodRef, message: string) =>
    events({ regarding: { apiVersion: 'v1', kind: 'Pod', namespace: ref.namespace, name: ref.name }, type: 'Normal', reason: EVENT_TAINT_MANAGER_EVICTION, message });

  return {
    name: TAINT_EVICTION_CONTROLLER,
    // As upstream's UpdateWorkerSize; nodes are independent of each other.
    workers: 8,
    watches: [
      { informer: nodes, keys: (n) => [n.metadata!.name!], changed: (a, b) => !sameJson(noExecuteTaints(a), noExecuteTaints(b)) },
      {
        informer: pods,
        keys: (p) => (p.spec?.nodeName ? [p.spec.nodeName] : []),
        changed: (a, b) => a.spec?.nodeName !== b.spec?.nodeName || !sameJson(a.spec?.tolerations, b.spec?.tolerations),
      },
    ],
    async reconcile(nodeName) {
      const now = ctx.clock.now();
      const onNode = pods.lister.byIndex(POD_NODE_NAME_INDEX, nodeName);
      const present = new Set(onNode.map((p) => p.metadata?.uid));
      const evicted = new Set([...(evictedByNode.get(nodeName) ?? [])].filter((uid) => present.has(uid)));
      evictedByNode.set(nodeName, evicted);

      const plan = planTaintEviction({
        node: nodes.lister.get(nodeName),
        pods: onNode.filter((p) => !evicted.has(p.metadata?.uid ?? '')),
        now,
        scheduled: scheduled.get(nodeName) ?? new Map(),
      });
      if (plan.scheduled.size) scheduled.set(nodeName, plan.scheduled);
      else scheduled.delete(nodeName);

      for (const ref of plan.cancelled) podEvent(ref, `Cancelling deletion of Pod ${ref.namespace}/${ref.name}`);
      for (const ref of plan.evict) {
        const pod = onNode.find((p) => p.metadata?.namespace === ref.namespace && p.metadata?.name === ref.name)!;
        podEvent(ref, `Marking for deletion Pod ${ref.namespace}/${ref.name}`);
        await evictPodForTaint(ctx.client, pod, now);
        if (ref.uid) evicted.add(ref.uid);
      }
      if (!evicted.size) evictedByNode.delete(nodeName);
      return plan.nextEvictionAt !== undefined ? { requeueAfterMs: Math.max(0, plan.nextEvictionAt - now.getTime()) } : undefined;
    },
  };
}

/** The taint eviction controller's definition for the manager. */
export const taintEvictionController: ControllerDefinition = { name: TAINT_EVICTION_CONTROLLER, create };
