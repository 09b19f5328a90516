/**
 * The sending half of `kubectl run` (createGeneratedObject and generateService): POST the Pod,
 * then with --expose the Service, print the Service as soon as it exists and the Pod last.
 * A failed Pod ends the command; a failed Service is reported after the Pod is printed.
 */
import type { KObject } from '@mk/api';
import type { ApiClient } from '@mk/client';
import type { CliIO } from '../context';
import { dryRunQuery, withDryRunSuffix, type DryRunStrategy } from '../mutate/dry-run';
import type { TypeNames } from '../mutate/naming';
import type { ResultPrinter } from '../mutate/print-result';
import { finishWithErrors } from '../mutate/report-errors';
import { typedCreateBody } from './typed-last-applied';

const PODS = { group: '', version: 'v1', kind: 'Pod', plural: 'pods' };
const SERVICES = { group: '', version: 'v1', kind: 'Service', plural: 'services' };

/** What to create and how. */
export interface RunObjects {
  pod: KObject;
  service?: KObject;
  namespace: string;
  dryRun: DryRunStrategy;
  fieldManager: string;
  saveConfig: boolean;
}

/** Where the objects go; the client is only asked for when something is sent. */
export interface RunDeps {
  client(): Promise<ApiClient>;
  io: CliIO;
  printer: ResultPrinter;
}

async function send(deps: RunDeps, type: typeof PODS, object: KObject, plan: RunObjects): Promise<KObject> {
  if (plan.dryRun === 'client') return object;
  const client = await deps.client();
  const path = client.path({ group: type.group, version: type.version, plural: type.plural, namespace: plan.namespace });
  return client.request<KObject>('POST', path, {
    body: typedCreateBody(object, plan.saveConfig),
    query: { ...dryRunQuery(plan.dryRun), fieldManager: plan.fieldManager },
  });
}

function print(deps: RunDeps, type: TypeNames, obj: KObject, dryRun: DryRunStrategy): void {
  deps.printer.print(obj, type, obj.metadata?.name ?? '', withDryRunSuffix('created', dryRun));
}

/** Creates the Pod (and Service) and prints them as kubectl run does. */
export async function createRunObjects(deps: RunDeps, plan: RunObjects): Promise<void> {
  const pod = await send(deps, PODS, plan.pod, plan);
  const errors: unknown[] = [];
  if (plan.service) {
    try {
      print(deps, SERVICES, await send(deps, SERVICES, plan.service, plan), plan.dryRun);
      // kubectl adds its own separator here, on top of the YAML printer's.
      if (deps.printer.format === 'yaml') deps.io.out('---\n');
    } catch (err) {
      errors.push(err);
    }
  }
  print(deps, PODS, pod, plan.dryRun);
  finishWithErrors(errors, deps.io);
}
