/**
 * An informer on exactly one object, as kubectl's wait and rollout status
 * watch it: a list and watch narrowed by `metadata.name`, so they resume from
 * the last version seen and re-list after a 410 like any informer.
 */
import type { Clock, KObject } from '@mk/api';
import { createInformer, type ApiClient, type Informer } from '@mk/client';
import type { Target } from './targets';

export function watchOneObject(client: ApiClient, target: Target, clock: Clock, log: (message: string) => void): Informer<KObject> {
  return createInformer<KObject>(
    client,
    {
      group: target.resource.group,
      version: target.resource.version,
      plural: target.resource.plural,
      namespace: target.namespace || undefined,
      fieldSelector: `metadata.name=${target.name}`,
    },
    { clock, log },
  );
}
