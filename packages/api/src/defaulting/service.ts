/**
 * Service defaults (SetDefaults_Service) and what the service registry does
 * around allocation: clusterIP/clusterIPs kept in step, IP families filled,
 * allocated values carried over when an update omits them, and fields that
 * stop applying cleared when the type changes. Allocation itself is the API
 * server's.
 */
import type { KObject } from '../registry/types';
import { deepEqual } from '../validation/deep-equal';
import { defaultPointer, defaultString, isObject, objectAt, objectsIn, type JsonObject } from './set-default';

/** core.DefaultClientIPServiceAffinitySeconds: 3 hours. */
const DEFAULT_AFFINITY_SECONDS = 10800;

const externallyAccessible = (spec: JsonObject) =>
  spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);

/** SetDefaults_Service. */
export function applyServiceDefaults(svc: KObject): void {
  const spec = objectAt(svc, 'spec');
  defaultString(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const cfg = isObject(spec.sessionAffinityConfig) ? spec.sessionAffinityConfig : undefined;
    const clientIP = cfg && isObject(cfg.clientIP) ? cfg.clientIP : undefined;
    if (!clientIP || clientIP.timeoutSeconds == null) spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_AFFINITY_SECONDS } };
  }
  defaultString(spec, 'type', 'ClusterIP');
  for (const p of objectsIn(spec, 'ports')) {
    defaultString(p, 'protocol', 'TCP');
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (externallyAccessible(spec)) defaultString(spec, 'externalTrafficPolicy', 'Cluster');
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP') defaultPointer(spec, 'internalTrafficPolicy', 'Cluster');
  if (spec.type === 'LoadBalancer') {
    defaultPointer(spec, 'allocateLoadBalancerNodePorts', true);
    const status = isObject(svc.status) && isObject(svc.status.loadBalancer) ? svc.status.loadBalancer : undefined;
    for (const ing of status ? objectsIn(status, 'ingress') : []) if (ing.ip && !ing.ipMode) ing.ipMode = 'VIP';
  }
}

const stringsAt = (spec: JsonObject, k: string): string[] => (Array.isArray(spec[k]) ? (spec[k] as unknown[]).filter((x): x is string => typeof x === 'string') : []);

/** NormalizeClusterIPs: a client that only sets clusterIP gets clusterIPs to match. */
export function normalizeClusterIPs(spec: JsonObject, oldSpec?: JsonObject): void {
  const ip = typeof spec.clusterIP === 'string' ? spec.clusterIP : '';
  const ips = stringsAt(spec, 'clusterIPs');
  if (!oldSpec) {
    if (ip && ips.length === 0) spec.clusterIPs = [ip];
    return;
  }
  const oldIP = typeof oldSpec.clusterIP === 'string' ? oldSpec.clusterIP : '';
  const oldIPs = stringsAt(oldSpec, 'clusterIPs');
  // Only the singular field changed: the plural follows it (or is cleared with it).
  if (ip !== oldIP && deepEqual(ips, oldIPs)) {
    if (ip) spec.clusterIPs = [ip];
    else delete spec.clusterIPs;
  }
}

/** Headless and selector-less: all families are possible, so it asks for dual-stack. */
function isHeadlessWithoutSelector(spec: JsonObject): boolean {
  return spec.clusterIP === 'None' && (!isObject(spec.selector) || Object.keys(spec.selector).length === 0);
}

/** initIPFamilyFields on a single-stack IPv4 cluster: families from the cluster IPs, else IPv4; policy SingleStack. */
export function initIPFamilies(spec: JsonObject): void {
  if (spec.type === 'ExternalName') return;
  const families = stringsAt(spec, 'ipFamilies');
  stringsAt(spec, 'clusterIPs').forEach((ip, i) => {
    if (ip === 'None' || i < families.length) return;
    families.push(ip.includes(':') ? 'IPv6' : 'IPv4');
  });
  if (spec.ipFamilyPolicy == null && families.length === 2) spec.ipFamilyPolicy = 'RequireDualStack';
  if (isHeadlessWithoutSelector(spec)) {
    if (families.length === 0) families.push('IPv4');
    spec.ipFamilies = families;
    defaultPointer(spec, 'ipFamilyPolicy', 'RequireDualStack');
    return;
  }
  defaultPointer(spec, 'ipFamilyPolicy', 'SingleStack');
  if (families.length === 0) families.push('IPv4');
  spec.ipFamilies = families;
}

/** Service create: defaults, clusterIPs in step, IP families, status {loadBalancer: {}}. */
export function prepareServiceForCreate(svc: KObject): void {
  applyServiceDefaults(svc);
  const spec = objectAt(svc, 'spec');
  normalizeClusterIPs(spec);
  initIPFamilies(spec);
  svc.status = { loadBalancer: {} };
}

const needsClusterIP = (spec: JsonObject) => spec.type !== 'ExternalName';
const needsNodePort = (spec: JsonObject) => spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
const needsHCNodePort = (spec: JsonObject) => spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';

/** patchAllocatedValues: an update that omits allocated addresses and ports keeps them. */
export function patchAllocatedValues(spec: JsonObject, oldSpec: JsonObject): void {
  if (needsClusterIP(oldSpec) && needsClusterIP(spec)) {
    if (!spec.clusterIP && oldSpec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if (stringsAt(spec, 'clusterIPs').length === 0 && stringsAt(oldSpec, 'clusterIPs').length > 0) spec.clusterIPs = [...stringsAt(oldSpec, 'clusterIPs')];
  }
  if (needsNodePort(oldSpec) && needsNodePort(spec)) {
    const usedByNew = new Set(objectsIn(spec, 'ports').map((p) => p.nodePort).filter(Boolean));
    const used = new Set(objectsIn(oldSpec, 'ports').map((p) => p.nodePort).filter((n) => usedByNew.has(n)));
    const byName = new Map(objectsIn(oldSpec, 'ports').map((p) => [p.name ?? '', p.nodePort]));
    for (const p of objectsIn(spec, 'ports')) {
      if (p.nodePort) continue;
      const n = byName.get(p.name ?? '');
      if (n && !used.has(n)) p.nodePort = n;
    }
  }
  if (needsHCNodePort(oldSpec) && needsHCNodePort(spec) && !spec.healthCheckNodePort) spec.healthCheckNodePort = oldSpec.healthCheckNodePort;
}

/** dropTypeDependentFields: fields the old type used and the new one does not are cleared when the request left them unchanged. */
export function dropTypeDependentFields(spec: JsonObject, oldSpec: JsonObject): void {
  if (needsClusterIP(oldSpec) && !needsClusterIP(spec)) {
    if (spec.clusterIP === oldSpec.clusterIP) delete spec.clusterIP;
    if (deepEqual(spec.clusterIPs, oldSpec.clusterIPs)) delete spec.clusterIPs;
    if (deepEqual(spec.ipFamilies, oldSpec.ipFamilies)) delete spec.ipFamilies;
    if (spec.ipFamilyPolicy === oldSpec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(oldSpec) && !needsNodePort(spec)) {
    const oldPorts = new Map(objectsIn(oldSpec, 'ports').map((p) => [p.name ?? '', p.nodePort]));
    for (const p of objectsIn(spec, 'ports')) if (p.nodePort && oldPorts.get(p.name ?? '') === p.nodePort) delete p.nodePort;
  }
  if (needsHCNodePort(oldSpec) && !needsHCNodePort(spec) && spec.healthCheckNodePort === oldSpec.healthCheckNodePort) delete spec.healthCheckNodePort;
  if (oldSpec.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts === oldSpec.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
    if (spec.loadBalancerClass === oldSpec.loadBalancerClass) delete spec.loadBalancerClass;
  }
  if (externallyAccessible(oldSpec) && !externallyAccessible(spec) && spec.externalTrafficPolicy === oldSpec.externalTrafficPolicy) {
    delete spec.externalTrafficPolicy;
  }
  if (spec.type === 'ExternalName' && oldSpec.type !== 'ExternalName' && spec.internalTrafficPolicy === oldSpec.internalTrafficPolicy) {
    delete spec.internalTrafficPolicy;
  }
}

/** Service update: carry allocated values, keep clusterIP(s) in step, clear type-dependent fields, fill families. */
export function prepareServiceForUpdate(svc: KObject, old: KObject): void {
  applyServiceDefaults(svc);
  const spec = objectAt(svc, 'spec');
  const oldSpec = isObject(old.spec) ? old.spec : {};
  patchAllocatedValues(spec, oldSpec);
  normalizeClusterIPs(spec, oldSpec);
  dropTypeDependentFields(spec, oldSpec);
  if (needsClusterIP(spec)) {
    if (spec.ipFamilies == null && needsClusterIP(oldSpec) && oldSpec.ipFamilies != null) spec.ipFamilies = structuredClone(oldSpec.ipFamilies);
    if (spec.ipFamilyPolicy == null && needsClusterIP(oldSpec) && oldSpec.ipFamilyPolicy != null) spec.ipFamilyPolicy = oldSpec.ipFamilyPolicy;
    initIPFamilies(spec);
  }
}
