/**
 * pod-garbage-collector-controller (upstream pkg/controller/podgc): every
 * 20 s, and whenever a node appears or goes, one pass over all cached pods
 * (see plan.ts). The single key stands for the whole pass; the quarantine of
 * missing nodes lives here between passes, and a pass asks to be run again
 * when the next quarantine ends.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { ControllerContext, ControllerDefinition, Reconciler, Typed } from '../framework/types';
import { NODES, PODS } from '../framework/resources';
import { markFailedAndDeletePod, nodeExists, orphanCondition } from './apply';
import { GC_CHECK_PERIOD_MS, orphanedPods, planPodGC, TERMINATED_POD_GC_THRESHOLD } from './plan';

/** kube-controller-manager's name for the controller. */
export const POD_GARBAGE_COLLECTOR_CONTROLLER = 'pod-garbage-collector-controller';
const PASS = 'pod-gc';
const DELETE_BATCH = 32;

function create(ctx: ControllerContext): Reconciler {
  const pods = ctx.informers.informerFor<Typed<Pod>>(PODS);
  const nodes = ctx.informers.informerFor<Typed<Node>>(NODES);
  let quarantine = new Map<string, number>();

  return {
    name: POD_GARBAGE_COLLECTOR_CONTROLLER,
    // A node added or deleted starts (or ends) a quarantine at once; node status updates change nothing here.
    watches: [{ informer: nodes, keys: () => [PASS], changed: () => false }],
    resync: { periodMs: GC_CHECK_PERIOD_MS, keys: () => [PASS] },
    async reconcile() {
      const now = ctx.clock.now();
      const allPods = pods.lister.list();
      const plan = planPodGC({ pods: allPods, nodes: nodes.lister.list(), now, quarantine, terminatedPodThreshold: TERMINATED_POD_GC_THRESHOLD });
      quarantine = plan.quarantine;

      const deleted = new Set<string>();
      for (const name of plan.verifyNodes) {
        try {
          if (!(await nodeExists(ctx.client, name))) deleted.add(name);
        } catch (err) {
          // As upstream: the node comes back into quarantine on a later pass if its pods still name it.
          ctx.log(`${POD_GARBAGE_COLLECTOR_CONTROLLER}: checking node ${name}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      const failures: string[] = [];
      const run = async (pod: Readonly<Pod>, orphan: boolean) => {
        try {
          await markFailedAndDeletePod(ctx.client, pod, orphan ? orphanCondition(now) : undefined);
        } catch (err) {
          failures.push(`${pod.metadata?.namespace}/${pod.metadata?.name}: ${err instanceof Error ? err.message : String(err)}`);
        }
      };
      const orphans = orphanedPods(allPods, deleted);
      const orphanKeys = new Set(orphans.map((p) => p.metadata?.uid));
      const work = [...orphans.map((p) => () => run(p, true)), ...plan.deletions.filter((p) => !orphanKeys.has(p.metadata?.uid)).map((p) => () => run(p, false))];
      // Upstream deletes all at once; a bounded batch keeps a threshold sweep of thousands of pods from flooding the API server.
      for (let i = 0; i < work.length; i += DELETE_BATCH) await Promise.all(work.slice(i, i + DELETE_BATCH).map((w) => w()));
      if (failures.length) throw new Error(`force-deleting pods failed: ${failures.join('; ')}`);
      return plan.nextCheckAt !== undefined ? { requeueAfterMs: Math.max(0, plan.nextCheckAt - now.getTime()) } : undefined;
    },
  };
}

/** The pod garbage collector's definition for the manager. */
export const podGarbageCollectorController: ControllerDefinition = { name: POD_GARBAGE_COLLECTOR_CONTROLLER, create };
