/**
 * node-lifecycle-controller (upstream pkg/controller/nodelifecycle): watches
 * kubelet heartbeats (node Leases and Ready conditions), marks silent nodes
 * Unknown, keeps the condition taints and the NoExecute not-ready/unreachable
 * taint in line with the conditions, and marks pods of unreachable nodes not
 * ready. Evicting pods from tainted nodes is the taint eviction controller's job.
 *
 * Keys are node names. Besides node, Lease and pod events, every node is
 * re-examined each nodeMonitorPeriod, since a heartbeat going stale is an
 * event nobody sends.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { ControllerContext, ControllerDefinition, Reconciler, Typed } from '../framework/types';
import { LEASES, NODES, PODS } from '../framework/resources';
import { POD_NODE_NAME_INDEX, podNodeNameIndex } from '../framework/pods';
import { applyNodeLifecycle } from './apply';
import { EVENT_REMOVING_NODE, NODE_CONTROLLER_COMPONENT, NODE_LEASE_NAMESPACE } from './constants';
import { assessNodeHealth } from './node-health';
import { planNodeLifecycle } from './plan';
import { assessDisruption, noExecuteGateFor, zoneKeyOf, type ClusterDisruption } from './zone-state';

export const NODE_LIFECYCLE_CONTROLLER = 'node-lifecycle-controller';

/** Pods matter to a node when they are bound to it or their readiness changes. */
function podChanged(oldPod: Readonly<Pod>, newPod: Readonly<Pod>): boolean {
  const ready = (p: Readonly<Pod>) => p.status?.conditions?.find((c) => c.type === 'Ready')?.status;
  return oldPod.spec?.nodeName !== newPod.spec?.nodeName || ready(oldPod) !== ready(newPod);
}

function create(ctx: ControllerContext): Reconciler {
  const { clock, timings } = ctx;
  const nodes = ctx.informers.informerFor<Typed<Node>>(NODES);
  const leases = ctx.informers.informerFor<Typed<Lease>>({ ...LEASES, namespace: NODE_LEASE_NAMESPACE });
  const pods = ctx.informers.informerFor<Typed<Pod>>(PODS);
  pods.addIndex(POD_NODE_NAME_INDEX, podNodeNameIndex);
  const events = ctx.events(NODE_CONTROLLER_COMPONENT);
  /** Nodes this controller has registered (name → uid), for RegisteredNode/RemovingNode. */
  const known = new Map<string, string | undefined>();
  const grace = { gracePeriodMs: timings.nodeMonitorGracePeriodMs, startupGracePeriodMs: timings.nodeMonitorGracePeriodMs };
  const leaseOf = (name: string) => leases.lister.get(`${NODE_LEASE_NAMESPACE}/${name}`);

  // Zone states need every node's health at one instant (upstream computes them once per monitor
  // pass); computing them once per period keeps a pass over N nodes O(N).
  let disruption: { at: number; value: ClusterDisruption } | undefined;
  const disruptionAt = (now: Date): ClusterDisruption => {
    if (!disruption || now.getTime() - disruption.at >= timings.nodeMonitorPeriodMs || now.getTime() < disruption.at) {
      const assessed = nodes.lister.list().map((node) => ({ node, readyStatus: assessNodeHealth({ node, lease: leaseOf(node.metadata!.name!), now, ...grace }).readyStatus }));
      disruption = { at: now.getTime(), value: assessDisruption(assessed) };
    }
    return disruption.value;
  };

  return {
    name: NODE_LIFECYCLE_CONTROLLER,
    watches: [
      { informer: nodes, keys: (n) => [n.metadata!.name!] },
      { informer: leases, keys: (l) => [l.metadata!.name!] },
      { informer: pods, keys: (p) => (p.spec?.nodeName ? [p.spec.nodeName] : []), changed: podChanged },
    ],
    // Upstream updates node health with 8 workers in parallel: after a mass failure the writes are mostly waiting on I/O.
    workers: 8,
    resync: { periodMs: timings.nodeMonitorPeriodMs, keys: () => [...nodes.lister.list().map((n) => n.metadata!.name!), ...known.keys()] },
    async reconcile(name) {
      const node = nodes.lister.get(name);
      if (!node) {
        if (known.has(name)) {
          const uid = known.get(name);
          known.delete(name);
          events({ regarding: { apiVersion: 'v1', kind: 'Node', name, uid }, type: 'Normal', reason: EVENT_REMOVING_NODE, message: `Node ${name} event: Removing Node ${name} from Controller` });
        }
        return;
      }
      const now = clock.now();
      const plan = planNodeLifecycle({
        node,
        lease: leaseOf(name),
        pods: pods.lister.byIndex(POD_NODE_NAME_INDEX, name),
        now,
        timings: { nodeMonitorGracePeriodMs: timings.nodeMonitorGracePeriodMs },
        gate: noExecuteGateFor(disruptionAt(now), zoneKeyOf(node)),
        known: known.has(name),
      });
      // Registered before applying, so a failed write retried later does not record RegisteredNode twice.
      known.set(name, node.metadata?.uid);
      await applyNodeLifecycle(ctx.client, events, node, plan.actions);
    },
  };
}

/** The node lifecycle controller's definition for the manager. */
export const nodeLifecycleController: ControllerDefinition = { name: NODE_LIFECYCLE_CONTROLLER, create };
