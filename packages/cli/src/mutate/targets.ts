/** The objects a command acts on: a served type plus namespace and name, and where it came from. */
import type { KObject } from '@mk/api';
import type { ApiClient, DiscoveredResource } from '@mk/client';

/** One object to act on; `object` is set when it was read from a file or a list. */
export interface Target {
  resource: DiscoveredResource;
  /** '' for cluster-scoped types. */
  namespace: string;
  name: string;
  /** The manifest file, for "error when deleting "x.yaml": …" messages. */
  source?: string;
  object?: KObject;
}

/** The REST path of a target (optionally of a subresource). */
export function targetPath(client: ApiClient, t: Target, subresource?: string): string {
  const r = t.resource;
  return client.path({ group: r.group, version: r.version, plural: r.plural, namespace: t.namespace || undefined, name: t.name, subresource });
}
