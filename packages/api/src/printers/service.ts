/** `kubectl get services` columns (printService). */
import type { Service } from 'kubernetes-types/core/v1';
import type { KindPrinter } from '../registry/types';
import { AGE_COLUMN, NAME_COLUMN, column, wide } from './columns';
import { ageOf, nameOf } from './cells';
import { formatLabels } from '../selectors';
import { compareBytes } from '../selectors/goFormat';

/**
 * Load-balancer ingress points (IP, else hostname), sorted and deduplicated.
 * The server always prints wide, so upstream's 16-character clipping never applies.
 */
export function loadBalancerAddresses(ingress: Array<{ ip?: string; hostname?: string }> | undefined): string[] {
  const set = new Set<string>();
  for (const i of ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort(compareBytes);
}

/** getServiceExternalIP. */
function externalIP(svc: Service): string {
  const spec = svc.spec ?? {};
  const externalIPs = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerAddresses(svc.status?.loadBalancer?.ingress);
      if (externalIPs.length) return [...lb, ...externalIPs].join(',');
      return lb.length ? lb.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** makePortString: `80/TCP`, `80:31378/TCP`, comma-joined; `<none>` without ports. */
function ports(svc: Service): string {
  const list = (svc.spec?.ports ?? []).map((p) => {
    // Defaulting always sets protocol; TCP is that default.
    const protocol = p.protocol ?? 'TCP';
    return p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
  });
  return list.join(',') || '<none>';
}

export const servicePrinter: KindPrinter = {
  columns: [
    NAME_COLUMN,
    column('Type', 'string', 'type determines how the Service is exposed.'),
    column('Cluster-IP', 'string', 'clusterIP is the IP address of the service and is usually assigned randomly.'),
    column('External-IP', 'string', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
    column('Port(s)', 'string', 'The list of ports that are exposed by this service.'),
    AGE_COLUMN,
    wide('Selector', 'string', 'Route service traffic to pods with label keys and values matching this selector.'),
  ],
  printRow(obj, now) {
    const svc = obj as Service;
    const clusterIP = svc.spec?.clusterIPs?.[0] || svc.spec?.clusterIP || '<none>';
    return [nameOf(obj), svc.spec?.type ?? '', clusterIP, externalIP(svc), ports(svc), ageOf(obj, now), formatLabels(svc.spec?.selector)];
  },
};
