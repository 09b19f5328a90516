/** Aggregated discovery (apidiscovery.k8s.io/v2): the Accept header kubectl sends and the flattening of the answer. */
import type { DiscoveredResource } from './types';

/** The Accept header kubectl 1.32 sends to /api and /apis. */
export const AGGREGATED_DISCOVERY_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

interface GroupVersionKind {
  group?: string;
  version?: string;
  kind?: string;
}

interface DiscoverySubresource {
  subresource: string;
  responseKind?: GroupVersionKind;
  verbs?: string[];
}

interface DiscoveryResource {
  resource: string;
  singularResource?: string;
  scope?: 'Namespaced' | 'Cluster';
  responseKind?: GroupVersionKind;
  verbs?: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: DiscoverySubresource[];
}

/** The body of an aggregated discovery answer (APIGroupDiscoveryList). */
export interface APIGroupDiscoveryList {
  kind?: string;
  apiVersion?: string;
  items?: { metadata?: { name?: string }; versions?: { version: string; freshness?: string; resources?: DiscoveryResource[] }[] }[];
}

/**
 * isAggregatedDiscovery checks the response media type as client-go's
 * ContentTypeIsGVK does: application/json with g=apidiscovery.k8s.io,
 * v=v2 or v2beta1 and as=APIGroupDiscoveryList, in any order.
 */
export function isAggregatedDiscovery(contentType: string): boolean {
  const [base, ...params] = contentType.split(';').map((s) => s.trim());
  if (base?.toLowerCase() !== 'application/json') return false;
  const p = new Map(params.map((kv) => { const i = kv.indexOf('='); return [kv.slice(0, i).trim(), kv.slice(i + 1).trim()] as const; }));
  return p.get('g') === 'apidiscovery.k8s.io' && (p.get('v') === 'v2' || p.get('v') === 'v2beta1') && p.get('as') === 'APIGroupDiscoveryList';
}

/**
 * flattenDiscovery lists every resource of every group version, preferred
 * versions first as served; like client-go it drops resources and subresources
 * without a responseKind and group versions marked Stale.
 */
export function flattenDiscovery(lists: APIGroupDiscoveryList[]): DiscoveredResource[] {
  const out: DiscoveredResource[] = [];
  for (const list of lists) {
    for (const group of list.items ?? []) {
      const groupName = group.metadata?.name ?? '';
      for (const version of group.versions ?? []) {
        if (version.freshness === 'Stale') continue;
        for (const r of version.resources ?? []) {
          if (!r.responseKind?.kind) continue;
          out.push({
            group: groupName,
            version: version.version,
            plural: r.resource,
            singular: r.singularResource ?? r.responseKind.kind.toLowerCase(),
            kind: r.responseKind.kind,
            namespaced: r.scope === 'Namespaced',
            shortNames: r.shortNames ?? [],
            categories: r.categories ?? [],
            verbs: r.verbs ?? [],
            subresources: (r.subresources ?? []).filter((s) => s.responseKind?.kind).map((s) => s.subresource),
          });
        }
      }
    }
  }
  return out;
}
