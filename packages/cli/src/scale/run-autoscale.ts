/**
 * The body of `autoscale` (kubectl AutoscaleOptions.Run): for each selected object that has a
 * `scale` subresource, create a HorizontalPodAutoscaler targeting it, in the command's namespace,
 * and print `horizontalpodautoscaler.autoscaling/web autoscaled` (`created (dry run)` when not sent).
 */
import type { KObject } from '@mk/api';
import type { ApiClient, DiscoveredResource } from '@mk/client';
import { CliError, type CliIO } from '../context';
import { dryRunQuery, withDryRunSuffix, type DryRunStrategy } from '../mutate/dry-run';
import type { ResultPrinter } from '../mutate/print-result';
import { finishWithErrors } from '../mutate/report-errors';
import { typedCreateBody } from '../run/typed-last-applied';
import type { Selection } from '../mutate/select-targets';
import { fetchMissingObjects } from './fetch-targets';
import { autoscalerObject, HPA_TYPE } from './hpa-object';

/** What autoscale was asked to do. */
export interface AutoscalePlan {
  name: string;
  min: number;
  max: number;
  cpuPercent: number;
  dryRun: DryRunStrategy;
  fieldManager: string;
  saveConfig: boolean;
}

/** Where autoscale creates and prints. */
export interface AutoscaleDeps {
  client: ApiClient;
  io: CliIO;
  printer: ResultPrinter;
  /** The command's namespace, where kubectl creates every autoscaler. */
  namespace: string;
}

/** client-go's discovery scale-kind check, with its message. */
function requireScaleSubresource(r: DiscoveredResource): void {
  if (r.subresources.includes('scale')) return;
  throw new Error(`cannot autoscale a ${r.kind}: could not find scale subresource for ${r.group}/${r.version}, Resource=${r.plural} in discovery information`);
}

/** Creates an autoscaler per selected object; throws the collected errors, or kubectl's error when nothing was selected. */
export async function autoscaleTargets(deps: AutoscaleDeps, selection: Selection, plan: AutoscalePlan): Promise<void> {
  const { targets, errors } = await fetchMissingObjects(deps.client, selection);
  let count = 0;
  for (const target of targets) {
    try {
      const r = target.resource;
      requireScaleSubresource(r);
      const hpa = autoscalerObject({
        name: plan.name || target.name,
        target: { apiVersion: r.group ? `${r.group}/${r.version}` : r.version, kind: r.kind, name: target.name },
        min: plan.min,
        max: plan.max,
        cpuPercent: plan.cpuPercent,
      });
      const name = hpa.metadata!.name as string;
      if (plan.dryRun === 'client') {
        count++;
        deps.printer.print(hpa, HPA_TYPE, name, withDryRunSuffix('created', plan.dryRun));
        continue;
      }
      const path = deps.client.path({ group: HPA_TYPE.group, version: HPA_TYPE.version, plural: HPA_TYPE.plural, namespace: deps.namespace });
      const created = await deps.client.request<KObject>('POST', path, {
        body: typedCreateBody(hpa, plan.saveConfig),
        query: { ...dryRunQuery(plan.dryRun), fieldManager: plan.fieldManager },
      });
      count++;
      deps.printer.print(created, HPA_TYPE, created?.metadata?.name ?? name, withDryRunSuffix('autoscaled', plan.dryRun));
    } catch (err) {
      errors.push(err);
    }
  }
  finishWithErrors(errors, deps.io);
  if (count === 0) throw new CliError('no objects passed to autoscale');
}
