/** Service validation (ValidateService, ValidateServiceUpdate). */
import type { FieldError, KObject } from '../../registry/types';
import { child, duplicate, forbidden, index, invalid, notSupported, required } from '../field-errors';
import { goLiteral, goPointer, goQuote, goIntOrString } from '../go-value';
import { arr, isSet, num, obj, optObj, str, type JsonObject } from '../json-access';
import { validateLabels } from '../metadata';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from '../names';
import { isIP } from '../ip';
import { clusterIPsOf, INVALID_IP_MSG, isHeadless, validateClusterIPsRelated, validateUpgradeDowngrade } from './service-addresses';
import { validatePortNumOrName, validateProtocol } from '../pod-spec/ports';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const SESSION_AFFINITIES = ['ClientIP', 'None'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const MAX_AFFINITY_SECONDS = 86400;

/** ExternallyAccessible: NodePort, LoadBalancer, or ClusterIP with externalIPs. */
export function externallyAccessible(spec: JsonObject): boolean {
  const type = str(spec.type);
  return type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && arr(spec.externalIPs).length > 0);
}

function goServicePort(protocol: string, port: number): string {
  return `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:${goPointer('string', false)}, Port:${port}, TargetPort:${goIntOrString(0).text}, NodePort:0}`;
}

function validateServicePort(p: JsonObject, requireName: boolean, names: Set<string>, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(p.name);
  if (requireName && !name) errs.push(required(child(field, 'name')));
  else if (name) {
    for (const m of isDNS1123Label(name)) errs.push(invalid(child(field, 'name'), name, m));
    if (names.has(name)) errs.push(duplicate(child(field, 'name'), name));
    else names.add(name);
  }
  const port = num(p.port);
  if (port < 1 || port > 65535) errs.push(invalid(child(field, 'port'), port, 'must be between 1 and 65535, inclusive'));
  errs.push(...validateProtocol(p.protocol, child(field, 'protocol')));
  errs.push(...validatePortNumOrName(p.targetPort, child(field, 'targetPort')));
  if (isSet(p.appProtocol)) for (const m of isQualifiedName(str(p.appProtocol))) errs.push(invalid(child(field, 'appProtocol'), str(p.appProtocol), m));
  return errs;
}

function validateAffinity(spec: JsonObject): FieldError[] {
  const affinity = str(spec.sessionAffinity);
  if (!affinity) return [required('spec.sessionAffinity')];
  if (!SESSION_AFFINITIES.includes(affinity)) return [notSupported('spec.sessionAffinity', affinity, SESSION_AFFINITIES)];
  const config = optObj(spec.sessionAffinityConfig);
  if (affinity === 'None') return config ? [forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None')] : [];
  const why = 'when session affinity type is ClientIP';
  if (!config) return [required('spec.sessionAffinityConfig', why)];
  const clientIP = optObj(config.clientIP);
  if (!clientIP) return [required('spec.sessionAffinityConfig.clientIP', why)];
  if (!isSet(clientIP.timeoutSeconds)) return [required('spec.sessionAffinityConfig.clientIP.timeoutSeconds', why)];
  const t = num(clientIP.timeoutSeconds);
  return t <= 0 || t > MAX_AFFINITY_SECONDS
    ? [invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', t, `must be greater than 0 and less than ${MAX_AFFINITY_SECONDS}`)]
    : [];
}

function validateTrafficPolicies(spec: JsonObject): FieldError[] {
  const errs: FieldError[] = [];
  const etp = str(spec.externalTrafficPolicy);
  if (!externallyAccessible(spec)) {
    if (etp) errs.push(invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'));
  } else if (!etp) errs.push(required('spec.externalTrafficPolicy'));
  else if (!TRAFFIC_POLICIES.includes(etp)) errs.push(notSupported('spec.externalTrafficPolicy', etp, TRAFFIC_POLICIES));
  const hc = num(spec.healthCheckNodePort);
  const needsHC = str(spec.type) === 'LoadBalancer' && etp === 'Local';
  if (!needsHC && hc !== 0) errs.push(invalid('spec.healthCheckNodePort', hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  if (needsHC && hc !== 0 && (hc < 1 || hc > 65535)) errs.push(invalid('spec.healthCheckNodePort', hc, 'must be between 1 and 65535, inclusive'));
  const type = str(spec.type);
  if (!isSet(spec.internalTrafficPolicy)) {
    if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') errs.push(required('spec.internalTrafficPolicy'));
  } else if (!TRAFFIC_POLICIES.includes(str(spec.internalTrafficPolicy))) {
    errs.push(notSupported('spec.internalTrafficPolicy', str(spec.internalTrafficPolicy), TRAFFIC_POLICIES));
  }
  if (isSet(spec.trafficDistribution) && str(spec.trafficDistribution) !== 'PreferClose') {
    errs.push(notSupported('spec.trafficDistribution', str(spec.trafficDistribution), ['PreferClose']));
  }
  return errs;
}

/** ValidateService (metadata excepted). */
export function validateServiceSpec(svc: KObject): FieldError[] {
  const spec = obj(svc.spec);
  const type = str(spec.type);
  const ports = arr(spec.ports).map(obj);
  const errs: FieldError[] = [];
  if (ports.length === 0 && !isHeadless(spec) && type !== 'ExternalName') errs.push(required('spec.ports'));
  if ((type === 'LoadBalancer' || type === 'NodePort') && isHeadless(spec)) {
    errs.push(invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${type} services`));
  }
  if (type === 'ExternalName') {
    if (clusterIPsOf(spec).length > 0) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if (arr(spec.ipFamilies).length > 0) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (isSet(spec.ipFamilyPolicy)) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = str(spec.externalName).replace(/\.$/, '');
    if (cname) for (const m of isDNS1123Subdomain(cname)) errs.push(invalid('spec.externalName', cname, m));
    else errs.push(required('spec.externalName'));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, index('spec.ports', i))));
  if (isSet(spec.selector)) errs.push(...validateLabels(optObj(spec.selector) as Record<string, string> | undefined, 'spec.selector'));
  errs.push(...validateAffinity(spec));
  errs.push(...validateClusterIPsRelated(spec));
  arr(spec.externalIPs).forEach((ip, i) => {
    if (!isIP(str(ip))) errs.push(invalid(index('spec.externalIPs', i), str(ip), INVALID_IP_MSG));
  });
  if (!type) errs.push(required('spec.type'));
  else if (!SERVICE_TYPES.includes(type)) errs.push(notSupported('spec.type', type, SERVICE_TYPES));
  if (type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (num(p.nodePort) !== 0) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (num(p.nodePort) === 0) return;
    const k = `${str(p.protocol)}/${num(p.nodePort)}`;
    if (nodePorts.has(k)) errs.push(duplicate(`spec.ports[${i}].nodePort`, num(p.nodePort)));
    nodePorts.add(k);
  });
  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    const k = `${str(p.protocol)}/${num(p.port)}`;
    if (portKeys.has(k)) errs.push(duplicate(`spec.ports[${i}]`, goLiteral(goServicePort(str(p.protocol), num(p.port)))));
    portKeys.add(k);
  });
  if (arr(spec.loadBalancerSourceRanges).length > 0 && type !== 'LoadBalancer') {
    errs.push(forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"));
  }
  if (isSet(spec.allocateLoadBalancerNodePorts) && type !== 'LoadBalancer') {
    errs.push(forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  }
  if (type === 'LoadBalancer' && !isSet(spec.allocateLoadBalancerNodePorts)) errs.push(required('allocateLoadBalancerNodePorts'));
  errs.push(...validateTrafficPolicies(spec));
  return errs;
}

/** Service validation on create and update. */
export function validateService(svc: KObject, old?: KObject): FieldError[] {
  const errs = old ? validateUpgradeDowngrade(obj(svc.spec), obj(old.spec)) : [];
  return [...errs, ...validateServiceSpec(svc)];
}
