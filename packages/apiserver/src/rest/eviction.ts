/**
 * pods/eviction (policy/v1 Eviction): deletes a pod unless that would break
 * its PodDisruptionBudget, as upstream's eviction REST does — terminal,
 * pending and already-terminating pods go at once; with one matching budget
 * the eviction spends one of its `disruptionsAllowed` (429 TooManyRequests
 * when none is left); unhealthy pods may go while the budget is met.
 */
import { findKind, labelSelectorFromSpec, matchesLabels, type KObject } from '@mk/api';
import { errors, StatusError } from '../errors';
import { isoSeconds } from '../admission/object-meta';
import { deleteStored, type DeleteOptions } from './delete';
import type { RestRequest, RestResult } from './request';

interface PdbStatus {
  observedGeneration?: number;
  disruptionsAllowed?: number;
  currentHealthy?: number;
  desiredHealthy?: number;
  disruptedPods?: Record<string, string>;
  [k: string]: unknown;
}

const success: RestResult = { code: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };

function canIgnoreBudget(pod: KObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata?.deletionTimestamp;
}

function isReady(pod: KObject): boolean {
  const conds = (pod.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conds.some((c) => c.type === 'Ready' && c.status === 'True');
}

function tooManyRequests(pdbName: string, status: PdbStatus, message: string): StatusError {
  return new StatusError(429, 'TooManyRequests', 'Cannot evict pod as it would violate the pod\'s disruption budget.', {
    causes: [{ reason: 'DisruptionBudget', message: message || `The disruption budget ${pdbName} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently` }],
  });
}

export async function evictPod(req: RestRequest, body: unknown): Promise<RestResult> {
  const { ctx, info } = req;
  const eviction = (body ?? {}) as KObject & { deleteOptions?: DeleteOptions };
  if (eviction.metadata?.name && eviction.metadata.name !== req.name) throw errors.badRequest('name in URL does not match name in Eviction object');
  const opts: DeleteOptions = { ...(eviction.deleteOptions ?? {}) };
  const evictReq: RestRequest = opts.dryRun?.includes('All') ? { ...req, dryRun: true } : req;

  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await ctx.resources.get(info, req.namespace, req.name!);
    const pod = current.obj;
    if (canIgnoreBudget(pod)) {
      await deleteStored(evictReq, current, opts);
      return success;
    }
    const pdbInfo = findKind('policy', 'v1', 'poddisruptionbudgets')!;
    const { items } = await ctx.resources.list(pdbInfo, req.namespace, {});
    const labels = pod.metadata?.labels ?? {};
    const budgets = items.filter((pdb) => {
      const sel = (pdb.spec as { selector?: unknown } | undefined)?.selector;
      return matchesLabels(labelSelectorFromSpec(sel as never), labels);
    });
    if (budgets.length > 1) throw errors.internal('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
    if (budgets.length === 0) {
      await deleteStored(evictReq, current, opts);
      return success;
    }
    const pdb = structuredClone(budgets[0]);
    const status = (pdb.status ?? {}) as PdbStatus;
    // IfHealthyBudget (the default unhealthyPodEvictionPolicy): an unready pod may go while the budget holds.
    if (!isReady(pod) && (status.currentHealthy ?? 0) >= (status.desiredHealthy ?? 0) && (status.desiredHealthy ?? 0) > 0) {
      await deleteStored(evictReq, current, opts);
      return success;
    }
    if ((status.observedGeneration ?? 0) < (pdb.metadata?.generation ?? 0)) {
      throw tooManyRequests(pdb.metadata!.name!, status, `The disruption budget ${pdb.metadata!.name} is still being processed by the server.`);
    }
    if ((status.disruptionsAllowed ?? 0) < 0) throw errors.forbiddenMessage('pdb disruptions allowed is negative');
    if ((status.disruptionsAllowed ?? 0) === 0) throw tooManyRequests(pdb.metadata!.name!, status, '');
    if (evictReq.dryRun) return success;
    pdb.status = {
      ...status,
      disruptionsAllowed: (status.disruptionsAllowed ?? 0) - 1,
      disruptedPods: { ...(status.disruptedPods ?? {}), [req.name!]: isoSeconds(ctx.now()) },
    };
    try {
      await ctx.resources.update(pdbInfo, pdb, Number(budgets[0].metadata!.resourceVersion));
    } catch (e) {
      if (e instanceof StatusError && e.reason === 'Conflict') continue;
      throw e;
    }
    await deleteStored(evictReq, await ctx.resources.get(info, req.namespace, req.name!), opts);
    return success;
  }
  throw errors.conflict(req.info, req.name!);
}
