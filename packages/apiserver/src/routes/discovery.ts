/**
 * Discovery: aggregated (apidiscovery.k8s.io/v2, what kubectl 1.32 asks for
 * first — the Content-Type must name it exactly) and the legacy documents
 * (/api, /api/v1, /apis, /apis/G, /apis/G/V) as a fallback.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { allKinds, groupVersions, type KindInfo } from '@mk/api';
import { errors } from '../errors';

const allVerbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

interface SubInfo {
  verbs: string[];
  kind: (info: KindInfo) => { group: string; version: string; kind: string };
}

const subresourceInfo: Record<string, SubInfo> = {
  status: { verbs: ['get', 'patch', 'update'], kind: (i) => ({ group: i.group, version: i.version, kind: i.kind }) },
  scale: { verbs: ['get', 'patch', 'update'], kind: () => ({ group: 'autoscaling', version: 'v1', kind: 'Scale' }) },
  binding: { verbs: ['create'], kind: () => ({ group: '', version: 'v1', kind: 'Binding' }) },
  log: { verbs: ['get'], kind: () => ({ group: '', version: 'v1', kind: 'Pod' }) },
  exec: { verbs: ['create', 'get'], kind: () => ({ group: '', version: 'v1', kind: 'PodExecOptions' }) },
  attach: { verbs: ['create', 'get'], kind: () => ({ group: '', version: 'v1', kind: 'PodAttachOptions' }) },
  portforward: { verbs: ['create', 'get'], kind: () => ({ group: '', version: 'v1', kind: 'PodPortForwardOptions' }) },
  eviction: { verbs: ['create'], kind: () => ({ group: 'policy', version: 'v1', kind: 'Eviction' }) },
  finalize: { verbs: ['update'], kind: () => ({ group: '', version: 'v1', kind: 'Namespace' }) },
};

const aggregatedType = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

function wantsAggregated(request: FastifyRequest): 'v2' | 'v2beta1' | undefined {
  const accept = request.headers.accept ?? '';
  for (const part of accept.split(',')) {
    if (!part.includes('as=APIGroupDiscoveryList') || !part.includes('g=apidiscovery.k8s.io')) continue;
    if (/v=v2(;|$|\s)/.test(part + ';')) return 'v2';
    if (part.includes('v=v2beta1')) return 'v2beta1';
  }
  return undefined;
}

function kindsOf(group: string, version: string): KindInfo[] {
  return allKinds().filter((k) => k.group === group && k.version === version);
}

function aggregatedResource(info: KindInfo) {
  return {
    resource: info.plural,
    responseKind: { group: info.group, version: info.version, kind: info.kind },
    scope: info.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: info.singular,
    verbs: allVerbs,
    ...(info.shortNames.length ? { shortNames: info.shortNames } : {}),
    ...(info.categories.length ? { categories: info.categories } : {}),
    ...(info.subresources.length
      ? { subresources: info.subresources.map((s) => ({ subresource: s, responseKind: subresourceInfo[s].kind(info), verbs: subresourceInfo[s].verbs })) }
      : {}),
  };
}

function groupsFor(core: boolean) {
  const byGroup = new Map<string, string[]>();
  for (const gv of groupVersions()) {
    if ((gv.group === '') !== core) continue;
    byGroup.set(gv.group, [...(byGroup.get(gv.group) ?? []), gv.version]);
  }
  return byGroup;
}

function aggregatedList(core: boolean, version: 'v2' | 'v2beta1') {
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${version}`,
    metadata: {},
    items: [...groupsFor(core)].map(([group, versions]) => ({
      metadata: { name: group },
      versions: versions.map((v) => ({ version: v, resources: kindsOf(group, v).map(aggregatedResource), freshness: 'Current' })),
    })),
  };
}

function resourceList(group: string, version: string) {
  const resources = kindsOf(group, version).flatMap((info) => [
    {
      name: info.plural,
      singularName: info.singular,
      namespaced: info.namespaced,
      kind: info.kind,
      verbs: allVerbs,
      ...(info.shortNames.length ? { shortNames: info.shortNames } : {}),
      ...(info.categories.length ? { categories: info.categories } : {}),
    },
    ...info.subresources.map((s) => {
      const k = subresourceInfo[s].kind(info);
      return { name: `${info.plural}/${s}`, singularName: '', namespaced: info.namespaced, ...(k.group !== info.group || k.version !== info.version ? { group: k.group, version: k.version } : {}), kind: k.kind, verbs: subresourceInfo[s].verbs };
    }),
  ]);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

function apiGroup(group: string, versions: string[]) {
  const vs = versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
  return { name: group, versions: vs, preferredVersion: vs[0] };
}

function sendJson(reply: FastifyReply, body: unknown, type = 'application/json') {
  // A Buffer keeps Fastify from re-serialising the media type (kubectl matches its parameters).
  return reply.code(200).header('Content-Type', type).send(Buffer.from(JSON.stringify(body)));
}

export function registerDiscoveryRoutes(app: FastifyInstance, listenAddress: () => string): void {
  app.get('/api', (request, reply) => {
    const agg = wantsAggregated(request);
    if (agg) return sendJson(reply, aggregatedList(true, agg), aggregatedType.replace('v=v2', `v=${agg}`));
    return sendJson(reply, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: listenAddress() }] });
  });
  app.get('/apis', (request, reply) => {
    const agg = wantsAggregated(request);
    if (agg) return sendJson(reply, aggregatedList(false, agg), aggregatedType.replace('v=v2', `v=${agg}`));
    return sendJson(reply, { kind: 'APIGroupList', apiVersion: 'v1', groups: [...groupsFor(false)].map(([g, vs]) => apiGroup(g, vs)) });
  });
  app.get('/api/v1', (_request, reply) => sendJson(reply, resourceList('', 'v1')));
  app.get('/apis/:group', (request, reply) => {
    const { group } = request.params as { group: string };
    const versions = groupsFor(false).get(group);
    if (!versions) throw errors.notFoundPath();
    return sendJson(reply, { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group, versions) });
  });
  app.get('/apis/:group/:version', (request, reply) => {
    const { group, version } = request.params as { group: string; version: string };
    if (!groupsFor(false).get(group)?.includes(version)) throw errors.notFoundPath();
    return sendJson(reply, resourceList(group, version));
  });
}
