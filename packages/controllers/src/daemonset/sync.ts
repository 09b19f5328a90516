/**
 * One DaemonSet sync (upstream syncDaemonSet): claim the pods and revisions,
 * bring the history up to date, then — unless earlier creations or deletions
 * are still unseen — put a daemon pod on every node that should run one and
 * take them off the others, advance a RollingUpdate, prune old revisions, and
 * finally write the status.
 */
import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { labelSelectorFromSpec, type Clock } from '@mk/api';
import type { ReconcileResult } from '@mk/client';
import { refTo } from '../framework/events';
import type { FailedPodBackoff } from './backoff';
import { claimObjects } from './claims';
import { groupPodsByNode } from './daemon-pods';
import { createRevision, deleteRevision, labelRevision, relabelPod, renumberRevision, syncNodes, writeStatus, type ApplyDeps } from './apply';
import { planManage } from './plan';
import { daemonPodTemplate } from './pod-for-node';
import { planHistory, planHistoryCleanup, podsToRelabel } from './revisions';
import { planRollingUpdate } from './rolling-update';
import { computeStatus, nextStatus, statusUpToDate } from './status';
import { isOnDelete } from './strategy';

export const REASON_SELECTING_ALL = 'SelectingAll';

export interface SyncDeps extends ApplyDeps {
  clock: Clock;
  failedPodBackoff: FailedPodBackoff;
  daemonSet(key: string): Readonly<DaemonSet> | undefined;
  nodes(): readonly Readonly<Node>[];
  podsIn(namespace: string): readonly Readonly<Pod>[];
  revisionsIn(namespace: string): readonly Readonly<ControllerRevision>[];
}

/** A selector with nothing in it would select every pod of the namespace; upstream refuses it. */
function selectsAll(ds: Readonly<DaemonSet>): boolean {
  const s = ds.spec?.selector;
  return !!s && Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0;
}

/** constructHistory: the current revision's hash, after writing what the history plan asks for. */
async function constructHistory(deps: SyncDeps, ds: Readonly<DaemonSet>, revisions: readonly Readonly<ControllerRevision>[], pods: readonly Readonly<Pod>[]) {
  const plan = planHistory(ds, revisions);
  for (const r of plan.label) await labelRevision(deps.client, r);
  if (plan.create) await createRevision(deps.client, ds, plan.create);
  if (plan.current && plan.duplicates.length > 0) {
    for (const pod of podsToRelabel(plan, pods)) await relabelPod(deps.client, pod, plan.hash);
    for (const r of plan.duplicates) await deleteRevision(deps.client, r);
  }
  if (plan.current && plan.renumber !== undefined) await renumberRevision(deps.client, plan.current, plan.renumber);
  return plan;
}

/** Syncs the DaemonSet with key `namespace/name`. */
export async function syncDaemonSet(deps: SyncDeps, key: string): Promise<ReconcileResult> {
  const ds = deps.daemonSet(key);
  if (!ds) {
    deps.expectations.forget(key);
    return undefined;
  }
  const now = deps.clock.now();
  deps.failedPodBackoff.gc(now.getTime());
  const nodes = deps.nodes();
  if (selectsAll(ds)) {
    deps.events({ regarding: refTo(ds, 'apps/v1', 'DaemonSet'), type: 'Warning', reason: REASON_SELECTING_ALL, message: 'This daemon set is selecting all pods. A non-empty selector is required.' });
    return undefined;
  }
  // Its history may already be going (garbage collection), so no status can be trusted.
  if (ds.metadata?.deletionTimestamp) return undefined;

  const namespace = ds.metadata!.namespace!;
  const selector = labelSelectorFromSpec(ds.spec?.selector);
  const revisionPath = (r: Readonly<ControllerRevision>) => ({ group: 'apps', version: 'v1', plural: 'controllerrevisions', namespace, name: r.metadata!.name });
  const podPath = (p: Readonly<Pod>) => ({ group: '', version: 'v1', plural: 'pods', namespace, name: p.metadata!.name });
  const revisions = await claimObjects(deps.client, ds, selector, deps.revisionsIn(namespace), revisionPath);
  const pods = await claimObjects(deps.client, ds, selector, deps.podsIn(namespace), podPath);
  const history = await constructHistory(deps, ds, revisions, pods);
  const { hash } = history;
  const nodeToPods = groupPodsByNode(pods);

  let failure: unknown;
  let requeueAfterMs: number | undefined;
  const satisfied = deps.expectations.satisfied(key);
  if (satisfied) {
    try {
      const manage = planManage({ ds, nodes, nodeToPods, hash, now, failedPodBackoff: deps.failedPodBackoff });
      for (const e of manage.events) deps.events(e);
      for (const k of manage.backoffSteps) deps.failedPodBackoff.next(k, now.getTime());
      requeueAfterMs = manage.requeueAfterMs;
      const template = daemonPodTemplate(ds, hash);
      await syncNodes(deps, ds, key, manage.deletePods, manage.createOn, template);
      // Only when manage had nothing to do: its writes would otherwise still be in flight.
      if (deps.expectations.satisfied(key) && !isOnDelete(ds)) {
        const update = planRollingUpdate({ ds, nodes, nodeToPods, hash, now });
        await syncNodes(deps, ds, key, update.deletePods, update.createOn, template);
      }
      for (const r of planHistoryCleanup(ds, history.old, pods)) await deleteRevision(deps.client, r);
    } catch (err) {
      failure = err;
    }
  }

  // Status is written even after a failure; the generation counts as observed only when this sync acted on it.
  const status = computeStatus(ds, nodes, nodeToPods, hash, now);
  if (!statusUpToDate(ds, status.counts)) {
    try {
      const observed = satisfied ? ds.metadata?.generation : undefined;
      await writeStatus(deps.client, ds, (base) => nextStatus(base.status, status.counts, observed));
    } catch (err) {
      failure ??= err;
    }
  }
  if (failure) throw failure;
  const waits = [requeueAfterMs, status.recheckAfterMs].filter((ms): ms is number => ms !== undefined);
  return waits.length ? { requeueAfterMs: Math.max(0, Math.min(...waits)) } : undefined;
}
