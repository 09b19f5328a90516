/**
 * namespace-controller (upstream pkg/controller/namespace): empties a
 * namespace being deleted and then releases its `kubernetes` finalizer
 * through /finalize, which lets the API server remove it. Keys are namespace
 * names; only namespaces with a deletionTimestamp are queued, so the
 * informer's initial list resumes the ones left Terminating by a restart.
 * While content remains (pods on nodes stop gracefully) the key is looked at
 * again after half the estimated wait; failures retry with backoff.
 */
import type { ControllerContext, ControllerDefinition, Reconciler } from '../framework/types';
import { NAMESPACES } from '../framework/resources';
import { parseTime } from '../framework/time';
import { failureConditions, updateNamespaceConditions } from './conditions';
import { requeueDelayMs } from './content';
import { deleteAllContent } from './delete-content';
import { ensureTerminating, finalizeNamespace, getNamespace, isFinalized, writeConditions, type NamespaceObject } from './writes';

/** kube-controller-manager's name for the controller. */
export const NAMESPACE_CONTROLLER = 'namespace-controller';
/** kube-controller-manager's --namespace-sync-period. */
const NAMESPACE_SYNC_PERIOD_MS = 5 * 60_000;
/** --concurrent-namespace-syncs. */
const CONCURRENT_NAMESPACE_SYNCS = 10;

const deleting = (ns: Readonly<NamespaceObject>) => !!ns.metadata?.deletionTimestamp;

/** utilerrors.NewAggregate's message. */
const aggregate = (errs: string[]) => (errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);

function create(ctx: ControllerContext): Reconciler {
  const namespaces = ctx.informers.informerFor<NamespaceObject>(NAMESPACES);

  return {
    name: NAMESPACE_CONTROLLER,
    workers: CONCURRENT_NAMESPACE_SYNCS,
    // Upstream waits 5 s (namespaceDeletionGracePeriod) before the first sync so that writes still in flight
    // through other API servers' caches land first; mk has one API server and lists content live, so it starts at once.
    watches: [{ informer: namespaces, keys: (ns) => (deleting(ns) ? [ns.metadata!.name!] : []) }],
    resync: { periodMs: NAMESPACE_SYNC_PERIOD_MS, keys: () => namespaces.lister.list().filter(deleting).map((ns) => ns.metadata!.name!) },
    async reconcile(name) {
      // Other controllers edit a terminating namespace too: start from the live object.
      const live = await getNamespace(ctx.client, name);
      if (!live || !deleting(live)) return;
      let ns = await ensureTerminating(ctx.client, live);
      if (!ns || !deleting(ns) || isFinalized(ns)) return;

      const now = ctx.clock.now();
      const deletedAt = new Date(parseTime(ns.metadata!.deletionTimestamp) ?? now.getTime());
      const pass = await deleteAllContent(ctx.client, name, deletedAt, now);
      const { conditions, changed } = updateNamespaceConditions(ns.status?.conditions, failureConditions(pass.findings), now);
      if (changed) {
        try {
          ns = await writeConditions(ctx.client, ns, conditions);
        } catch (err) {
          ctx.log(`${NAMESPACE_CONTROLLER}: couldn't update status condition for namespace "${name}": ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      if (pass.errors.length) throw new Error(aggregate(pass.errors));
      if (pass.estimateSeconds > 0) return { requeueAfterMs: requeueDelayMs(pass.estimateSeconds) };
      await finalizeNamespace(ctx.client, ns);
    },
  };
}

/** The namespace controller's definition for the manager. */
export const namespaceController: ControllerDefinition = { name: NAMESPACE_CONTROLLER, create };
