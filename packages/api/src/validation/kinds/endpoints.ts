/**
 * Endpoints validation (validateEndpointSubsets). Addresses must be IPs and
 * not unspecified, link-local or link-local multicast. Upstream also rejects
 * loopback addresses; mk's loopback pod network gives pods 127.x addresses,
 * so that one rule is not applied.
 */
import type { FieldError, KObject } from '../../registry/types';
import { child, index, invalid, required } from '../field-errors';
import { arr, isSet, obj, str, type JsonObject } from '../json-access';
import { isDNS1123Label, isQualifiedName, nameIsDNSSubdomain } from '../names';
import { isIP, isIPv4 } from '../ip';
import { validateProtocol } from '../pod-spec/ports';

function specialIPErrors(ip: string, field: string): FieldError[] {
  if (!isIP(ip)) return [invalid(field, ip, 'must be a valid IP address')];
  const errs: FieldError[] = [];
  const lower = ip.toLowerCase();
  if (ip === '0.0.0.0' || lower === '::') errs.push(invalid(field, ip, `may not be unspecified (${ip})`));
  if ((isIPv4(ip) && ip.startsWith('169.254.')) || /^fe[89ab]/.test(lower)) {
    errs.push(invalid(field, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  }
  if ((isIPv4(ip) && ip.startsWith('224.0.0.')) || lower.startsWith('ff02:')) {
    errs.push(invalid(field, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  }
  return errs;
}

function validateAddress(a: JsonObject, field: string): FieldError[] {
  const ip = str(a.ip);
  const errs: FieldError[] = isIP(ip) ? [] : [invalid(child(field, 'ip'), ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
  const hostname = str(a.hostname);
  if (hostname) for (const m of isDNS1123Label(hostname)) errs.push(invalid(child(field, 'hostname'), hostname, m));
  if (isSet(a.nodeName)) for (const m of nameIsDNSSubdomain(str(a.nodeName), false)) errs.push(invalid(child(field, 'nodeName'), str(a.nodeName), m));
  errs.push(...specialIPErrors(ip, child(field, 'ip')));
  return errs;
}

/** ValidateEndpoints (metadata excepted). */
export function validateEndpoints(ep: KObject): FieldError[] {
  const errs: FieldError[] = [];
  arr(ep.subsets).forEach((s, i) => {
    const ss = obj(s);
    const path = index('subsets', i);
    const addrs = arr(ss.addresses).map(obj);
    const notReady = arr(ss.notReadyAddresses).map(obj);
    if (addrs.length === 0 && notReady.length === 0) errs.push(required(path, 'must specify `addresses` or `notReadyAddresses`'));
    addrs.forEach((a, ai) => errs.push(...validateAddress(a, index(child(path, 'addresses'), ai))));
    notReady.forEach((a, ai) => errs.push(...validateAddress(a, index(child(path, 'notReadyAddresses'), ai))));
    const ports = arr(ss.ports).map(obj);
    ports.forEach((p, pi) => {
      const pp = index(child(path, 'ports'), pi);
      const name = str(p.name);
      if (ports.length > 1 && !name) errs.push(required(child(pp, 'name')));
      else if (name) for (const m of isDNS1123Label(name)) errs.push(invalid(child(pp, 'name'), name, m));
      const port = typeof p.port === 'number' ? p.port : 0;
      if (port < 1 || port > 65535) errs.push(invalid(child(pp, 'port'), port, 'must be between 1 and 65535, inclusive'));
      errs.push(...validateProtocol(p.protocol, child(pp, 'protocol')));
      if (isSet(p.appProtocol)) for (const m of isQualifiedName(str(p.appProtocol))) errs.push(invalid(child(pp, 'appProtocol'), str(p.appProtocol), m));
    });
  });
  return errs;
}
