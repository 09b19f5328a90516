/**
 * Cluster IP and NodePort allocation for Services (the apiserver's service
 * registry does this in Kubernetes, not a controller). In-use addresses are
 * derived from the stored Services, so nothing leaks when one is deleted.
 */
import type { KObject } from '@mk/api';
import { findKind } from '@mk/api';
import { errors } from '../errors';
import type { ServerContext } from '../context';
import { ipv4ToInt, intToIpv4, parseCidr } from './ipv4';

interface ServicePort { port?: number; nodePort?: number; [k: string]: unknown }
interface ServiceSpec { type?: string; clusterIP?: string; clusterIPs?: string[]; ports?: ServicePort[]; [k: string]: unknown }

// Allocation reads every Service then writes one; serialise allocations in this process.
let chain: Promise<unknown> = Promise.resolve();
export function serialized<T>(fn: () => Promise<T>): Promise<T> {
  const run = chain.then(fn, fn);
  chain = run.catch(() => undefined);
  return run;
}

async function inUse(ctx: ServerContext, self?: KObject): Promise<{ ips: Set<string>; ports: Set<number> }> {
  const info = findKind('', 'v1', 'services')!;
  const { items } = await ctx.resources.list(info, undefined, {});
  const ips = new Set<string>();
  const ports = new Set<number>();
  for (const s of items) {
    if (self && s.metadata?.uid === self.metadata?.uid) continue;
    const spec = (s.spec ?? {}) as ServiceSpec;
    for (const ip of spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])) ips.add(ip);
    for (const p of spec.ports ?? []) if (p.nodePort) ports.add(p.nodePort);
  }
  return { ips, ports };
}

/** Fills spec.clusterIP(s) and nodePorts of a Service being created or updated (old = stored version). */
export async function allocateServiceAddresses(ctx: ServerContext, svc: KObject, old?: KObject): Promise<void> {
  const spec = (svc.spec ??= {}) as ServiceSpec;
  const oldSpec = (old?.spec ?? {}) as ServiceSpec;
  const used = await inUse(ctx, old);
  const type = spec.type ?? 'ClusterIP';

  if (type === 'ExternalName') {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  } else if (old && oldSpec.clusterIP && !spec.clusterIP) {
    spec.clusterIP = oldSpec.clusterIP;
    spec.clusterIPs = oldSpec.clusterIPs ?? [oldSpec.clusterIP];
  } else if (spec.clusterIP === 'None') {
    spec.clusterIPs = ['None'];
  } else if (spec.clusterIP && spec.clusterIP !== oldSpec.clusterIP) {
    const { base, size } = parseCidr(ctx.serviceCIDR);
    const n = ipv4ToInt(spec.clusterIP);
    if (Number.isNaN(n) || n <= base || n >= base + size - 1) {
      throw invalidIP(svc, spec.clusterIP, `the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is ${ctx.serviceCIDR}`);
    }
    if (used.ips.has(spec.clusterIP)) throw invalidIP(svc, spec.clusterIP, `provided IP is already allocated`);
    spec.clusterIPs = [spec.clusterIP];
  } else if (!spec.clusterIP) {
    spec.clusterIP = pickIP(ctx.serviceCIDR, used.ips);
    spec.clusterIPs = [spec.clusterIP];
  }

  const wantsNodePorts = type === 'NodePort' || type === 'LoadBalancer';
  const [lo, hi] = ctx.nodePortRange;
  (spec.ports ?? []).forEach((p, i) => {
    if (!wantsNodePorts) {
      delete p.nodePort;
      return;
    }
    if (!p.nodePort) {
      const prev = (oldSpec.ports ?? []).find((o) => o.port === p.port && o.nodePort);
      p.nodePort = prev?.nodePort ?? pickPort(lo, hi, used.ports);
    } else if (used.ports.has(p.nodePort)) {
      throw errors.invalid('Service', '', svc.metadata?.name ?? '', `Service "${svc.metadata?.name}" is invalid: spec.ports[${i}].nodePort: Invalid value: ${p.nodePort}: provided port is already allocated`, [
        { reason: 'FieldValueInvalid', message: `Invalid value: ${p.nodePort}: provided port is already allocated`, field: `spec.ports[${i}].nodePort` },
      ]);
    } else if (p.nodePort < lo || p.nodePort > hi) {
      throw errors.invalid('Service', '', svc.metadata?.name ?? '', `Service "${svc.metadata?.name}" is invalid: spec.ports[${i}].nodePort: Invalid value: ${p.nodePort}: provided port is not in the valid range. The range of valid ports is ${lo}-${hi}`, [
        { reason: 'FieldValueInvalid', message: `Invalid value: ${p.nodePort}: provided port is not in the valid range. The range of valid ports is ${lo}-${hi}`, field: `spec.ports[${i}].nodePort` },
      ]);
    }
    used.ports.add(p.nodePort);
  });
}

function invalidIP(svc: KObject, ip: string, why: string) {
  const msg = `Invalid value: []string{"${ip}"}: failed to allocate IP ${ip}: ${why}`;
  return errors.invalid('Service', '', svc.metadata?.name ?? '', `Service "${svc.metadata?.name}" is invalid: spec.clusterIPs: ${msg}`, [
    { reason: 'FieldValueInvalid', message: msg, field: 'spec.clusterIPs' },
  ]);
}

/** The first address after the network address is kept for the `kubernetes` Service. */
export function firstServiceIP(cidr: string): string {
  return intToIpv4(parseCidr(cidr).base + 1);
}

function pickIP(cidr: string, used: Set<string>): string {
  const { base, size } = parseCidr(cidr);
  const usable = size - 3; // network, broadcast, and .1 for the kubernetes Service
  const start = Math.floor(Math.random() * usable);
  for (let i = 0; i < usable; i++) {
    const ip = intToIpv4(base + 2 + ((start + i) % usable));
    if (!used.has(ip)) return ip;
  }
  throw errors.internal(`failed to allocate a serviceIP: range is full`);
}

function pickPort(lo: number, hi: number, used: Set<number>): number {
  const span = hi - lo + 1;
  const start = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const p = lo + ((start + i) % span);
    if (!used.has(p)) return p;
  }
  throw errors.internal('failed to allocate a nodePort: range is full');
}
