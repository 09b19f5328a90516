/**
 * The body of `set image` (kubectl SetImageOptions.Run): compute every object's change first
 * (collecting "unable to find container" problems), then, per object with a non-empty patch,
 * print the edited object (--local, --dry-run=client) or send the strategic merge patch and print
 * the server's answer. All problems are reported together at the end.
 */
import type { KObject } from '@mk/api';
import type { ApiClient } from '@mk/client';
import type { CliIO } from '../context';
import { dryRunQuery, withDryRunSuffix, type DryRunStrategy } from '../mutate/dry-run';
import { objectName } from '../mutate/naming';
import type { ResultPrinter } from '../mutate/print-result';
import { finishWithErrors } from '../mutate/report-errors';
import { targetPath, type Target } from '../mutate/targets';
import { STRATEGIC_MERGE_PATCH } from '../mutate/three-way-patch';
import { imageChange, isEmptyPatch, type ImageChange } from './image-patch';

/** What `set image` was asked to do. */
export interface SetImagePlan {
  images: ReadonlyMap<string, string>;
  local: boolean;
  dryRun: DryRunStrategy;
  fieldManager: string;
}

/** Where `set image` sends and prints. */
export interface SetImageDeps {
  client: ApiClient;
  io: CliIO;
  printer: ResultPrinter;
}

type Planned = { target: Target; change?: ImageChange; error?: Error };

/** Updates the images of every target (each must carry its object). */
export async function setImages(deps: SetImageDeps, targets: Target[], plan: SetImagePlan): Promise<void> {
  const errors: unknown[] = [];
  const planned: Planned[] = targets.map((target) => {
    try {
      const change = imageChange(target.object!, target.resource, plan.images);
      errors.push(...change.problems.map((p) => new Error(p)));
      return { target, change };
    } catch (err) {
      // kubectl's own wording, newline included.
      return { target, error: new Error(`error: ${objectName(target.resource, target.name)} ${(err as Error).message}\n`) };
    }
  });
  const operation = withDryRunSuffix('image updated', plan.dryRun);
  for (const { target, change, error } of planned) {
    if (error) {
      errors.push(error);
      continue;
    }
    if (!change || isEmptyPatch(change.patch)) continue;
    if (plan.local || plan.dryRun === 'client') {
      deps.printer.print(change.after, target.resource, target.name, operation);
      continue;
    }
    try {
      const actual = await deps.client.request<KObject>('PATCH', targetPath(deps.client, target), {
        body: change.patch,
        contentType: STRATEGIC_MERGE_PATCH,
        query: { ...dryRunQuery(plan.dryRun), fieldManager: plan.fieldManager },
      });
      deps.printer.print(actual, target.resource, target.name, operation);
    } catch (err) {
      errors.push(new Error(`failed to patch image update to pod template: ${(err as Error).message}`));
    }
  }
  finishWithErrors(errors, deps.io);
}
