/**
 * One PDB sync (upstream DisruptionController.sync/trySync/failSafe): select
 * the pods, work out how many are expected and must stay healthy, and write
 * the status the eviction API consults. When that cannot be computed the
 * budget is closed (disruptionsAllowed 0, reason SyncFailed) rather than
 * left open.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1';
import { labelSelectorFromSpec, matchesLabels } from '@mk/api';
import { isConflict, type ApiClient } from '@mk/client';
import type { EventSink } from '../framework/types';
import { refTo } from '../framework/events';
import { expectedPods, type ScaleFinder } from './expected-pods';
import { goLabelSelectorString } from './go-label-selector';
import { failSafeStatus, planPdbStatus } from './status';

export interface PdbSyncDeps {
  client: ApiClient;
  events: EventSink;
  findScale: ScaleFinder;
  /** Pods of a namespace, from the cache. */
  podsIn(namespace: string): readonly Readonly<Pod>[];
  now(): Date;
}

/** Pods the PDB selects (policy/v1: an empty selector selects every pod of the namespace, a missing one none). */
export function selectPods(pdb: Readonly<PodDisruptionBudget>, pods: readonly Readonly<Pod>[]): Readonly<Pod>[] {
  const selector = labelSelectorFromSpec(pdb.spec?.selector);
  return pods.filter((p) => matchesLabels(selector, p.metadata?.labels));
}

async function writeStatus(client: ApiClient, pdb: Readonly<PodDisruptionBudget>, status: PodDisruptionBudgetStatus): Promise<void> {
  const { namespace, name } = pdb.metadata!;
  const path = client.path({ group: 'policy', version: 'v1', plural: 'poddisruptionbudgets', namespace, name, subresource: 'status' });
  // A full update pinned to the cached resourceVersion: a concurrent change means a conflict and a fresh sync.
  await client.request('PUT', path, { body: { ...structuredClone(pdb), apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', status } });
}

/** Computes and writes the status; returns when to sync again (ms from now), if at all. */
async function trySync(deps: PdbSyncDeps, pdb: Readonly<PodDisruptionBudget>): Promise<number | undefined> {
  const ref = refTo(pdb, 'policy/v1', 'PodDisruptionBudget');
  let pods: Readonly<Pod>[];
  try {
    pods = selectPods(pdb, deps.podsIn(pdb.metadata!.namespace!));
  } catch (err) {
    deps.events({ regarding: ref, type: 'Warning', reason: 'NoPods', message: `Failed to get pods: ${(err as Error).message}` });
    throw err;
  }
  if (pods.length === 0) deps.events({ regarding: ref, type: 'Normal', reason: 'NoPods', message: 'No matching pods found' });

  let expected;
  try {
    expected = await expectedPods(pdb.spec ?? {}, pods, deps.findScale);
  } catch (err) {
    deps.events({ regarding: ref, type: 'Warning', reason: 'CalculateExpectedPodCountFailed', message: `Failed to calculate the number of expected pods: ${(err as Error).message}` });
    throw err;
  }
  if (expected.unmanagedPods.length > 0) {
    deps.events({
      regarding: ref,
      type: 'Warning',
      reason: 'UnmanagedPods',
      message:
        `Pods selected by this PodDisruptionBudget (selector: ${goLabelSelectorString(pdb.spec?.selector)}) were found to be unmanaged. ` +
        'As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. ' +
        'To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.',
    });
  }

  const now = deps.now();
  const plan = planPdbStatus({ pdb, pods, expectedCount: expected.expectedCount, desiredHealthy: expected.desiredHealthy, now });
  for (const name of plan.notDeleted) {
    const pod = pods.find((p) => p.metadata?.name === name)!;
    // Upstream formats the PDB as namespace/namespace; kept verbatim.
    deps.events({ regarding: refTo(pod, 'v1', 'Pod'), type: 'Warning', reason: 'NotDeleted', message: `Pod was expected by PDB ${pdb.metadata!.namespace}/${pdb.metadata!.namespace} to be deleted but it wasn't` });
  }
  if (plan.status) await writeStatus(deps.client, pdb, plan.status);
  return plan.recheckAt !== undefined ? Math.max(0, plan.recheckAt - now.getTime()) : undefined;
}

/** Syncs one PDB; a conflict is retried by the caller, any other failure closes the budget. */
export async function syncPdb(deps: PdbSyncDeps, pdb: Readonly<PodDisruptionBudget>): Promise<number | undefined> {
  try {
    return await trySync(deps, pdb);
  } catch (err) {
    if (isConflict(err)) throw err;
    await writeStatus(deps.client, pdb, failSafeStatus(pdb, err instanceof Error ? err.message : String(err), deps.now()));
    return undefined;
  }
}
