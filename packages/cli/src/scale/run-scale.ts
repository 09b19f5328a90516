/**
 * The body of `scale` (kubectl pkg/cmd/scale/scale.go RunScale): read the named objects, refuse
 * --resource-version for several, scale each through its `scale` subresource, optionally wait for
 * the new size, and print the object as it was read with `scaled`. The first scale failure ends
 * the command; objects that could not be read are reported at the end.
 */
import type { Clock } from '@mk/api';
import type { ApiClient } from '@mk/client';
import { CliError, type CliIO } from '../context';
import { withDryRunSuffix, type DryRunStrategy } from '../mutate/dry-run';
import type { ResultPrinter } from '../mutate/print-result';
import { finishWithErrors } from '../mutate/report-errors';
import type { Selection } from '../mutate/select-targets';
import { aggregateText, fetchMissingObjects } from './fetch-targets';
import { preconditionFor } from './preconditions';
import { scaleWithRetry, waitForReplicas } from './scaler';

/** What `scale` was asked to do. */
export interface ScalePlan {
  replicas: number;
  /** --current-replicas; -1 for none. */
  currentReplicas: number;
  /** --resource-version; '' for none. */
  resourceVersion: string;
  /** --timeout in milliseconds; 0 does not wait for the new size. */
  timeoutMs: number;
  dryRun: DryRunStrategy;
}

/** Where `scale` sends, prints and waits. */
export interface ScaleDeps {
  client: ApiClient;
  io: CliIO;
  printer: ResultPrinter;
  clock: Clock;
}

/** Scales every selected object; throws what kubectl's RunScale returns. */
export async function scaleTargets(deps: ScaleDeps, selection: Selection, plan: ScalePlan): Promise<void> {
  const { targets, errors } = await fetchMissingObjects(deps.client, selection);
  if (plan.resourceVersion !== '' && targets.length > 1) throw new CliError('cannot use --resource-version with multiple resources');
  if (targets.length === 0) {
    throw new CliError(errors.length > 0 ? `no objects passed to scale ${aggregateText(errors)}` : 'no objects passed to scale');
  }
  const precondition = preconditionFor(plan.currentReplicas, plan.resourceVersion);
  for (const target of targets) {
    if (plan.dryRun !== 'client') {
      await scaleWithRetry({ client: deps.client, target, replicas: plan.replicas, precondition, serverDryRun: plan.dryRun === 'server' }, deps.clock);
      if (plan.timeoutMs !== 0 && plan.dryRun === 'none') await waitForReplicas(deps.client, target, plan.replicas, plan.timeoutMs, deps.clock);
    }
    // kubectl prints the object as the builder read it, before the new size.
    deps.printer.print(target.object!, target.resource, target.name, withDryRunSuffix('scaled', plan.dryRun));
  }
  finishWithErrors(errors, deps.io);
}
