/** `describe service` (describeService), with endpoints from the service's EndpointSlices. */
import { formatLabels, type KObject } from '@mk/api';
import type { DescribeEnv } from './env';
import { describeEvents, searchEvents, targetOf } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './format';
import { LEVEL_0, tabbedString } from './prefix-writer';

interface EndpointSlice {
  ports?: { name?: string | null; port?: number }[] | null;
  endpoints?: { addresses?: string[]; conditions?: { ready?: boolean | null } }[] | null;
}

interface ServicePort {
  name?: string;
  port?: number;
  protocol?: string;
  targetPort?: number | string;
  nodePort?: number;
}

function joinHostPort(host: string, port: number | undefined): string {
  const p = String(port ?? 0);
  return host.includes(':') ? `[${host}]:${p}` : `${host}:${p}`;
}

/** formatEndpointSlices: ready endpoints of the named port, the first three then `+ N more...`. */
export function formatEndpointSlices(slices: EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  const ready = (e: { conditions?: { ready?: boolean | null } }) => e.conditions?.ready === undefined || e.conditions.ready === null || e.conditions.ready;
  for (const slice of slices) {
    if ((slice.ports ?? []).length === 0) {
      for (const e of slice.endpoints ?? []) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(e.addresses?.[0] ?? '');
        count++;
      }
      continue;
    }
    for (const port of slice.ports ?? []) {
      if ((port.name ?? '') !== portName) continue;
      for (const e of slice.endpoints ?? []) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(joinHostPort(e.addresses?.[0] ?? '', port.port));
        count++;
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

async function endpointSlicesOf(env: DescribeEnv, svc: KObject): Promise<EndpointSlice[]> {
  try {
    const list = await env.client.request<KObject>('GET', `/apis/discovery.k8s.io/v1/namespaces/${encodeURIComponent(svc.metadata?.namespace ?? '')}/endpointslices`, {
      query: { labelSelector: `kubernetes.io/service-name=${svc.metadata?.name ?? ''}` },
    });
    return (list.items as EndpointSlice[] | undefined) ?? [];
  } catch {
    return [];
  }
}

/** Describes a Service. */
export async function describeService(env: DescribeEnv, svc: KObject): Promise<string> {
  const spec = (svc.spec ?? {}) as {
    selector?: Record<string, string>;
    type?: string;
    ipFamilyPolicy?: string;
    ipFamilies?: string[];
    clusterIP?: string;
    clusterIPs?: string[];
    externalIPs?: string[];
    loadBalancerIP?: string;
    externalName?: string;
    ports?: ServicePort[];
    sessionAffinity?: string;
    externalTrafficPolicy?: string;
    internalTrafficPolicy?: string;
    healthCheckNodePort?: number;
    loadBalancerSourceRanges?: string[];
  };
  const ingress = ((svc.status as { loadBalancer?: { ingress?: { ip?: string; hostname?: string; ipMode?: string }[] } } | undefined)?.loadBalancer?.ingress ?? []);
  const slices = await endpointSlicesOf(env, svc);
  const events = env.showEvents ? await searchEvents(env, targetOf(svc)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${svc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${svc.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', svc.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', svc.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? spec.ipFamilies!.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? spec.clusterIPs!.join(',') : '<none>'}\n`);
    if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs!.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    if (ingress.length > 0) {
      const list = ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? ''))).join(', ');
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${list}\n`);
    }
    for (const p of spec.ports ?? []) {
      const name = p.name || '<unset>';
      const protocol = p.protocol ?? '';
      w.write(LEVEL_0, `Port:\t${name}\t${p.port ?? 0}/${protocol}\n`);
      w.write(LEVEL_0, `TargetPort:\t${p.targetPort ?? 0}/${protocol}\n`);
      if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${protocol}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if ((spec.loadBalancerSourceRanges ?? []).length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges!.join(',')}\n`);
    if (events) describeEvents(events, w, env.now);
  });
}
