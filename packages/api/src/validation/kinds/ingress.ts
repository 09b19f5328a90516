/** Ingress and IngressClass validation (ValidateIngressSpec, ValidateIngressClass). */
import type { FieldError, KObject } from '../../registry/types';
import { child, index, invalid, notSupported, required } from '../field-errors';
import { goLiteral } from '../go-value';
import { validateImmutable } from '../immutable';
import { arr, isSet, num, obj, optObj, str, type JsonObject } from '../json-access';
import { domainPrefixedPathErrors, isDNS1123Subdomain, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain, nameIsDNS1035Label, nameIsDNSSubdomain } from '../names';
import { isIP } from '../ip';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

function validateBackend(b: JsonObject, field: string): FieldError[] {
  const resource = optObj(b.resource);
  const service = optObj(b.service);
  if (resource && service) return [invalid(field, '', 'cannot set both resource and service backends')];
  if (resource) {
    const errs: FieldError[] = [];
    if (!str(resource.kind)) errs.push(required(child(field, 'resource', 'kind')));
    if (!str(resource.name)) errs.push(required(child(field, 'resource', 'name')));
    return errs;
  }
  if (!service) return [invalid(field, '', 'resource or service backend is required')];
  const errs: FieldError[] = [];
  const name = str(service.name);
  if (!name) errs.push(required(child(field, 'service', 'name')));
  else for (const m of nameIsDNS1035Label(name, false)) errs.push(invalid(child(field, 'service', 'name'), name, m));
  const port = obj(service.port);
  const portName = str(port.name);
  const portNumber = num(port.number);
  if (portName && portNumber) errs.push(invalid(field, '', 'cannot set both port name & port number'));
  else if (portName) for (const m of isValidPortName(portName)) errs.push(invalid(child(field, 'service', 'port', 'name'), portName, m));
  else if (portNumber) for (const m of isValidPortNum(portNumber)) errs.push(invalid(child(field, 'service', 'port', 'number'), portNumber, m));
  else errs.push(required(field, 'port name or number is required'));
  return errs;
}

function validatePath(p: JsonObject, field: string): FieldError[] {
  if (!isSet(p.pathType)) return [required(child(field, 'pathType'), 'pathType must be specified')];
  const errs: FieldError[] = [];
  const pathType = str(p.pathType);
  const path = str(p.path);
  if (pathType === 'Exact' || pathType === 'Prefix') {
    if (!path.startsWith('/')) errs.push(invalid(child(field, 'path'), path, 'must be an absolute path'));
    if (path.length > 0) {
      for (const seq of INVALID_SEQUENCES) if (path.includes(seq)) errs.push(invalid(child(field, 'path'), path, `must not contain '${seq}'`));
      for (const suf of INVALID_SUFFIXES) if (path.endsWith(suf)) errs.push(invalid(child(field, 'path'), path, `cannot end with '${suf}'`));
    }
  } else if (pathType === 'ImplementationSpecific') {
    if (path.length > 0 && !path.startsWith('/')) errs.push(invalid(child(field, 'path'), path, 'must be an absolute path'));
  } else {
    errs.push(notSupported(child(field, 'pathType'), pathType, PATH_TYPES));
  }
  errs.push(...validateBackend(obj(p.backend), child(field, 'backend')));
  return errs;
}

function validateRules(rules: JsonObject[], field: string): FieldError[] {
  const errs: FieldError[] = [];
  rules.forEach((r, i) => {
    const path = index(field, i);
    const host = str(r.host);
    if (host) {
      if (isIP(host)) errs.push(invalid(child(path, 'host'), host, 'must be a DNS name, not an IP address'));
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      for (const m of msgs) errs.push(invalid(child(path, 'host'), host, m));
    }
    const http = optObj(r.http);
    if (http) {
      const paths = arr(http.paths).map(obj);
      if (paths.length === 0) errs.push(required(child(path, 'http', 'paths')));
      paths.forEach((p, pi) => errs.push(...validatePath(p, index(child(path, 'http', 'paths'), pi))));
    }
  });
  return errs;
}

function validateTLS(tls: JsonObject[], field: string): FieldError[] {
  const errs: FieldError[] = [];
  tls.forEach((t, i) => {
    arr(t.hosts).forEach((h, hi) => {
      const host = str(h);
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      for (const m of msgs) errs.push(invalid(index(child(index(field, i), 'hosts'), hi), host, m));
    });
    const secret = str(t.secretName);
    if (secret) for (const m of nameIsDNSSubdomain(secret, false)) errs.push(invalid(child(index(field, i), 'secretName'), secret, m));
  });
  return errs;
}

/** Ingress validation (create and update revalidate the whole spec). */
export function validateIngress(ing: KObject): FieldError[] {
  const spec = obj(ing.spec);
  const rules = arr(spec.rules).map(obj);
  const backend = optObj(spec.defaultBackend);
  const errs: FieldError[] = [];
  if (rules.length === 0 && !backend) {
    errs.push(invalid('spec', goLiteral('[]networking.IngressRule(nil)'), 'either `defaultBackend` or `rules` must be specified'));
  }
  if (backend) errs.push(...validateBackend(backend, 'spec.defaultBackend'));
  if (rules.length > 0) errs.push(...validateRules(rules, 'spec.rules'));
  const tls = arr(spec.tls).map(obj);
  if (tls.length > 0) errs.push(...validateTLS(tls, 'spec.tls'));
  if (isSet(spec.ingressClassName)) {
    const cls = str(spec.ingressClassName);
    for (const m of nameIsDNSSubdomain(cls, false)) errs.push(invalid('spec.ingressClassName', cls, m));
  }
  const annotation = ing.metadata?.annotations?.['kubernetes.io/ingress.class'];
  if (annotation !== undefined && isSet(spec.ingressClassName) && annotation !== str(spec.ingressClassName)) {
    errs.push(invalid('annotations.kubernetes.io/ingress.class', annotation, 'must match `ingressClassName` when both are specified'));
  }
  return errs;
}

const MAX_CONTROLLER_LEN = 250;

/** IngressClass validation: a domain-prefixed controller, immutable after creation. */
export function validateIngressClass(ic: KObject, old?: KObject): FieldError[] {
  const spec = obj(ic.spec);
  const controller = str(spec.controller);
  const errs: FieldError[] = [];
  if (!controller) errs.push(required('spec.controller'));
  else {
    for (const [shown, m] of domainPrefixedPathErrors(controller)) errs.push(invalid('spec.controller', shown, m));
    if (controller.length > MAX_CONTROLLER_LEN) errs.push({ type: 'FieldValueTooLong', field: 'spec.controller', detail: `may not be more than ${MAX_CONTROLLER_LEN} bytes` });
  }
  const params = optObj(spec.parameters);
  if (params) {
    if (!str(params.kind)) errs.push(required('spec.parameters.kind'));
    if (!str(params.name)) errs.push(required('spec.parameters.name'));
    const scope = params.scope;
    if (isSet(scope) && scope !== 'Cluster' && scope !== 'Namespace') errs.push(notSupported('spec.parameters.scope', str(scope), ['Cluster', 'Namespace']));
    if (scope === 'Namespace' && !str(params.namespace)) errs.push(required('spec.parameters.namespace', '`parameters.scope` is set to "Namespace"'));
  }
  if (old) errs.push(...validateImmutable(controller, str(obj(old.spec).controller), 'spec.controller'));
  return errs;
}
