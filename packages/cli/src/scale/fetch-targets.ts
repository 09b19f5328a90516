/**
 * The resource builder's RetrieveLazy step, which scale and autoscale rely on: objects named on the
 * command line are read from the server, while objects from `-f` files and from lists keep the
 * content they came with. A failed read becomes a per-object error, as with ContinueOnError.
 */
import type { KObject } from '@mk/api';
import type { ApiClient } from '@mk/client';
import type { Selection } from '../mutate/select-targets';
import { targetPath } from '../mutate/targets';

/** Fills in every target without an object; targets that cannot be read move to the errors. */
export async function fetchMissingObjects(client: ApiClient, selection: Selection): Promise<Selection> {
  const result: Selection = { targets: [], errors: [...selection.errors], singleItemImplied: selection.singleItemImplied };
  for (const target of selection.targets) {
    if (target.object) {
      result.targets.push(target);
      continue;
    }
    try {
      result.targets.push({ ...target, object: await client.request<KObject>('GET', targetPath(client, target)) });
    } catch (err) {
      result.errors.push(err);
    }
  }
  return result;
}

/** The text of Go's utilerrors.Aggregate: one message alone, several de-duplicated in brackets. */
export function aggregateText(errors: unknown[]): string {
  const messages = [...new Set(errors.map((e) => (e instanceof Error ? e.message : String(e))))];
  return messages.length === 1 ? messages[0]! : `[${messages.join(', ')}]`;
}
