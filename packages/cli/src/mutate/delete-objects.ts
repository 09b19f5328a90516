/**
 * The body of `delete` once the targets are known (kubectl pkg/cmd/delete/delete.go DeleteResult):
 * DELETE each with DeleteOptions, print `pod "web" deleted` (kubectl 1.32 wording), keep going after
 * failures, then wait for the deleted objects to disappear.
 */
import type { KObject } from '@mk/api';
import { addSourceToError, isNotFound, type ApiClient } from '@mk/client';
import type { CliIO } from '../context';
import { deleteOptionsBody, type CascadeStrategy } from './delete-options';
import { withDryRunSuffix, type DryRunStrategy } from './dry-run';
import { kindString } from './naming';
import { targetPath, type Target } from './targets';
import { waitDeleted } from './wait-deleted';

/** How to delete. */
export interface DeletePlan {
  cascade: CascadeStrategy;
  /** Seconds; negative means the type's default. */
  gracePeriod: number;
  dryRun: DryRunStrategy;
  /** '' for `pod "web" deleted`, 'name' for `pod/web`. */
  output: '' | 'name';
  ignoreNotFound: boolean;
  wait: boolean;
  /** Warn once when a cluster-scoped object is deleted although -n was given. */
  warnClusterScope: boolean;
  /** Ends the wait (kubectl's --timeout); never aborting means waiting as long as it takes. */
  waitSignal: AbortSignal;
}

/** kubectl's success line for a deleted object. */
export function deletedLine(target: Target, plan: Pick<DeletePlan, 'gracePeriod' | 'dryRun' | 'output'>): string {
  const kind = kindString(target.resource);
  if (plan.output === 'name') return `${kind}/${target.name}`;
  const operation = withDryRunSuffix(plan.gracePeriod === 0 ? 'force deleted' : 'deleted', plan.dryRun);
  return `${kind} "${target.name}" ${operation}`;
}

/**
 * Deletes the targets; returns all errors (selection errors first, then delete errors carrying
 * their source) for the caller to report. Like kubectl, any error skips the wait.
 */
export async function deleteTargets(client: ApiClient, io: CliIO, targets: Target[], plan: DeletePlan, selectionErrors: unknown[] = []): Promise<unknown[]> {
  const errors: unknown[] = [...selectionErrors];
  const deleted: { target: Target; uid?: string }[] = [];
  let warnClusterScope = plan.warnClusterScope;
  for (const target of targets) {
    if (warnClusterScope && !target.resource.namespaced) {
      io.err('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
      warnClusterScope = false;
    }
    if (plan.dryRun === 'client') {
      deleted.push({ target });
      io.out(`${deletedLine(target, plan)}\n`);
      continue;
    }
    try {
      const response = await client.request<KObject & { details?: { uid?: string } }>('DELETE', targetPath(client, target), {
        body: deleteOptionsBody(plan),
      });
      io.out(`${deletedLine(target, plan)}\n`);
      const uid = response?.kind === 'Status' ? response.details?.uid : response?.metadata?.uid;
      deleted.push({ target, uid });
    } catch (err) {
      // kubectl counts the object as found before deleting it, so --ignore-not-found stays silent.
      if (plan.ignoreNotFound && isNotFound(err)) deleted.push({ target });
      else errors.push(addSourceToError('deleting', target.source ?? '', err));
    }
  }
  if (errors.length > 0) return errors;
  if (deleted.length === 0) {
    io.out('No resources found\n');
    return errors;
  }
  if (!plan.wait || plan.dryRun !== 'none') return errors;
  for (const { target, uid } of deleted) {
    try {
      await waitDeleted(client, target, uid, plan.waitSignal);
    } catch (err) {
      errors.push(err);
    }
  }
  return errors;
}
