/** Container ports, host-port conflicts and IntOrString ports (probes, Service targetPort). */
import type { FieldError } from '../../registry/types';
import { child, duplicate, index, invalid, notSupported, required } from '../field-errors';
import { arr, num, obj, str, type JsonObject } from '../json-access';
import { isValidPortName, isValidPortNum } from '../names';

/** Upstream's supportedPortProtocols, sorted as sets.List sorts them. */
export const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** validateContainerPorts. */
export function validateContainerPorts(ports: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  arr(ports).forEach((p, i) => {
    const port = obj(p);
    const path = index(field, i);
    const name = str(port.name);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length > 0) for (const m of msgs) errs.push(invalid(child(path, 'name'), name, m));
      else if (names.has(name)) errs.push(duplicate(child(path, 'name'), name));
      else names.add(name);
    }
    const containerPort = num(port.containerPort);
    if (containerPort === 0) errs.push(required(child(path, 'containerPort')));
    else for (const m of isValidPortNum(containerPort)) errs.push(invalid(child(path, 'containerPort'), containerPort, m));
    const hostPort = num(port.hostPort);
    if (hostPort !== 0) for (const m of isValidPortNum(hostPort)) errs.push(invalid(child(path, 'hostPort'), hostPort, m));
    errs.push(...validateProtocol(port.protocol, child(path, 'protocol')));
  });
  return errs;
}

/** A port protocol: required, one of SCTP/TCP/UDP. */
export function validateProtocol(protocol: unknown, field: string): FieldError[] {
  const p = str(protocol);
  if (!p) return [required(field)];
  return PORT_PROTOCOLS.includes(p) ? [] : [notSupported(field, p, PORT_PROTOCOLS)];
}

/** AccumulateUniqueHostPorts: a `protocol/hostIP/port` may appear once across the given containers. */
export function validateHostPortConflicts(containers: JsonObject[], field: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    arr(c.ports).forEach((p, pi) => {
      const port = obj(p);
      const hostPort = num(port.hostPort);
      if (hostPort === 0) return;
      const key = `${str(port.protocol)}/${str(port.hostIP)}/${hostPort}`;
      if (seen.has(key)) errs.push(duplicate(child(index(child(index(field, ci), 'ports'), pi), 'hostPort'), key));
      else seen.add(key);
    });
  });
  return errs;
}

/** ValidatePortNumOrName for an IntOrString port. */
export function validatePortNumOrName(port: unknown, field: string): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(field, port, m));
  const n = typeof port === 'number' ? port : 0;
  return isValidPortNum(n).map((m) => invalid(field, n, m));
}
