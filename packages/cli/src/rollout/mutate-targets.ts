/**
 * The flow `rollout restart|pause|resume` share (kubectl's set.CalculatePatches and the loop after
 * it): change each selected object locally, diff the change into a strategic merge patch, send it,
 * and print the result; per-object failures are collected with kubectl's wording.
 */
import { createTwoWayStrategicMergePatch, patchMetaFor, type KObject } from '@mk/api';
import type { ClusterDeps } from '../mutate/cluster-deps';
import type { ResultPrinter } from '../mutate/print-result';
import type { Selection } from '../mutate/select-targets';
import { targetPath, type Target } from '../mutate/targets';
import { STRATEGIC_MERGE_PATCH } from '../mutate/three-way-patch';
import type { ObjectMutator } from './mutation-types';
import { errorText } from './undo-types';

/** How one of the three commands changes objects and what it says. */
export interface MutationCommand {
  mutator: ObjectMutator;
  /** The operation printed after a successful patch: "restarted", "paused", "resumed". */
  operation: string;
  /** What an empty patch means: an operation to print ("already paused"), or the error to report for the object. */
  unchanged: { operation: string } | { error: (name: string) => string };
  fieldManager: string;
}

interface Planned {
  target: Target;
  patch?: Record<string, unknown>;
  error?: unknown;
}

/** Pure: the patch a target needs, or the mutator's error. */
export function planMutation(target: Target, mutator: ObjectMutator): Planned {
  const r = target.resource;
  const original = target.object ?? {};
  try {
    const modified = mutator(original, { group: r.group, kind: r.kind });
    return { target, patch: createTwoWayStrategicMergePatch(original as never, modified as never, patchMetaFor(r.group, r.version, r.kind)) };
  } catch (err) {
    return { target, error: err };
  }
}

/** Runs the command over the selection; returns every error (the selection's first), for finishWithErrors. */
export async function mutateTargets(deps: ClusterDeps, selection: Selection, printer: ResultPrinter, command: MutationCommand): Promise<unknown[]> {
  const errors: unknown[] = [...selection.errors];
  const planned = selection.targets.map((t) => planMutation(t, command.mutator));
  if (planned.length === 0 && errors.length === 0) {
    deps.io.err(`No resources found in ${deps.namespace} namespace.\n`);
    return errors;
  }
  for (const { target, patch, error } of planned) {
    const r = target.resource;
    if (error !== undefined) {
      const resource = r.group ? `${r.plural}.${r.group}` : r.plural;
      errors.push(new Error(`error: ${resource} ${JSON.stringify(target.name)} ${errorText(error)}`));
      continue;
    }
    if (!patch || Object.keys(patch).length === 0) {
      if ('error' in command.unchanged) errors.push(new Error(command.unchanged.error(target.name)));
      else printer.print(target.object ?? {}, r, target.name, command.unchanged.operation);
      continue;
    }
    let patched: KObject;
    try {
      patched = await deps.client.request<KObject>('PATCH', targetPath(deps.client, target), {
        body: patch,
        contentType: STRATEGIC_MERGE_PATCH,
        query: { fieldManager: command.fieldManager },
      });
    } catch (err) {
      errors.push(new Error(`failed to patch: ${errorText(err)}`));
      continue;
    }
    printer.print(patched, r, target.name, command.operation);
  }
  return errors;
}
