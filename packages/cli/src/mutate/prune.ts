/**
 * `apply --prune` without an applyset (kubectl pkg/cmd/apply/prune.go, pkg/util/prune): for each
 * allowed type, list by the apply's label selector in every namespace touched, and delete the objects
 * that carry the last-applied annotation but were not part of this apply.
 */
import type { KObject } from '@mk/api';
import type { ApiClient, DiscoveredResource } from '@mk/client';
import { deleteOptionsBody, type CascadeStrategy } from './delete-options';
import type { DryRunStrategy } from './dry-run';
import { LAST_APPLIED_ANNOTATION } from './last-applied';

/** One type of the prune allowlist. */
export interface PruneType {
  group: string;
  version: string;
  kind: string;
  namespaced: boolean;
}

const core = (kind: string, namespaced = true): PruneType => ({ group: '', version: 'v1', kind, namespaced });

/** kubectl's default allowlist: namespaced types, then the cluster-scoped Namespace and PersistentVolume. */
export const DEFAULT_PRUNE_TYPES: readonly PruneType[] = [
  core('ConfigMap'),
  core('Endpoints'),
  core('PersistentVolumeClaim'),
  core('Pod'),
  core('ReplicationController'),
  core('Secret'),
  core('Service'),
  { group: 'batch', version: 'v1', kind: 'Job', namespaced: true },
  { group: 'batch', version: 'v1', kind: 'CronJob', namespaced: true },
  { group: 'networking.k8s.io', version: 'v1', kind: 'Ingress', namespaced: true },
  { group: 'apps', version: 'v1', kind: 'DaemonSet', namespaced: true },
  { group: 'apps', version: 'v1', kind: 'Deployment', namespaced: true },
  { group: 'apps', version: 'v1', kind: 'ReplicaSet', namespaced: true },
  { group: 'apps', version: 'v1', kind: 'StatefulSet', namespaced: true },
  core('Namespace', false),
  core('PersistentVolume', false),
];

function findType(resources: DiscoveredResource[], group: string, version: string, kind: string): DiscoveredResource | undefined {
  return resources.find((r) => r.group === group && r.version === version && r.kind === kind);
}

function noMatch(group: string, version: string, kind: string): string {
  return `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(group ? `${group}/${version}` : version)}`;
}

/** Parses `--prune-allowlist` values (`core/v1/Pod`, `apps/v1/Deployment`) against discovery. */
export function parsePruneAllowlist(values: string[], resources: DiscoveredResource[]): PruneType[] {
  return values.map((value) => {
    const parts = value.split('/');
    if (parts.length !== 3) throw new Error(`invalid GroupVersionKind format: ${value}, please follow <group/version/kind>`);
    const [rawGroup, version, kind] = parts as [string, string, string];
    const group = rawGroup === 'core' ? '' : rawGroup;
    const found = findType(resources, group, version, kind);
    if (!found) throw new Error(noMatch(group, version, kind));
    return { group, version, kind, namespaced: found.namespaced };
  });
}

/** The served types to prune, split by scope; kubectl fails on the first type discovery lacks. */
export function resolvePruneTypes(
  types: readonly PruneType[],
  resources: DiscoveredResource[],
): { namespaced: DiscoveredResource[]; clusterScoped: DiscoveredResource[] } {
  const namespaced: DiscoveredResource[] = [];
  const clusterScoped: DiscoveredResource[] = [];
  for (const t of types) {
    const found = findType(resources, t.group, t.version, t.kind);
    if (!found) {
      throw new Error(
        `error retrieving RESTMappings to prune: invalid resource ${t.group}/${t.version}, Kind=${t.kind}, Namespaced=${t.namespaced}: ${noMatch(t.group, t.version, t.kind)}`,
      );
    }
    (t.namespaced ? namespaced : clusterScoped).push(found);
  }
  return { namespaced, clusterScoped };
}

/** What pruning needs to know about the apply that just ran. */
export interface PruneRequest {
  types: { namespaced: DiscoveredResource[]; clusterScoped: DiscoveredResource[] };
  visitedUids: Set<string>;
  visitedNamespaces: Set<string>;
  labelSelector: string;
  dryRun: DryRunStrategy;
  cascade: CascadeStrategy;
  gracePeriod: number;
  /** Reports one pruned object (the command prints `pod/x pruned`). */
  onPruned(obj: KObject, resource: DiscoveredResource): void;
}

/** Deletes the previously applied objects that this apply no longer contains. */
export async function pruneObjects(client: ApiClient, req: PruneRequest): Promise<void> {
  for (const namespace of req.visitedNamespaces) {
    for (const resource of req.types.namespaced) {
      await pruneType(client, req, resource, namespace).catch((err: unknown) => {
        throw new Error(`error pruning namespaced object ${gvkString(resource)}: ${(err as Error).message}`);
      });
    }
  }
  for (const resource of req.types.clusterScoped) {
    await pruneType(client, req, resource, undefined).catch((err: unknown) => {
      throw new Error(`error pruning nonNamespaced object ${gvkString(resource)}: ${(err as Error).message}`);
    });
  }
}

function gvkString(r: DiscoveredResource): string {
  return `${r.group}/${r.version}, Kind=${r.kind}`;
}

async function pruneType(client: ApiClient, req: PruneRequest, resource: DiscoveredResource, namespace: string | undefined): Promise<void> {
  const base = { group: resource.group, version: resource.version, plural: resource.plural, namespace };
  const list = await client.request<{ items?: KObject[] }>('GET', client.path(base), { query: { labelSelector: req.labelSelector || undefined } });
  for (const obj of list?.items ?? []) {
    const meta = obj.metadata ?? {};
    if (meta.annotations?.[LAST_APPLIED_ANNOTATION] === undefined) continue; // never applied: not ours to prune
    if (meta.uid && req.visitedUids.has(meta.uid)) continue;
    if (req.dryRun !== 'client') {
      await client.request('DELETE', client.path({ ...base, name: meta.name }), {
        body: deleteOptionsBody({ cascade: req.cascade, gracePeriod: req.gracePeriod, dryRun: req.dryRun }),
      });
    }
    req.onPruned(obj, resource);
  }
}
