/** Probes and lifecycle handlers (validateProbe, validateHandler, validateLifecycle). */
import type { FieldError } from '../../registry/types';
import { child, forbidden, index, invalid, notSupported, required, validateNonnegative } from '../field-errors';
import { arr, isSet, num, obj, optObj, str, type JsonObject } from '../json-access';
import { isHTTPHeaderName } from '../names';
import { validatePortNumOrName } from './ports';

const HANDLER_TYPES = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const;

function validateHTTPGet(h: JsonObject, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(h.path)) errs.push(required(child(field, 'path')));
  errs.push(...validatePortNumOrName(h.port, child(field, 'port')));
  const scheme = str(h.scheme);
  if (scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(notSupported(child(field, 'scheme'), scheme, ['HTTP', 'HTTPS']));
  arr(h.httpHeaders).forEach((hd, i) => {
    const name = str(obj(hd).name);
    for (const m of isHTTPHeaderName(name)) errs.push(invalid(child(index(child(field, 'httpHeaders'), i), 'name'), name, m));
  });
  return errs;
}

/** validateHandler: exactly one of exec, httpGet, tcpSocket, grpc (probes) or sleep (lifecycle). */
export function validateHandler(handler: JsonObject, field: string, allowed: readonly string[]): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const t of HANDLER_TYPES) {
    if (!allowed.includes(t) || !optObj(handler[t])) continue;
    if (count > 0) {
      errs.push(forbidden(child(field, t), 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    const h = obj(handler[t]);
    const path = child(field, t);
    if (t === 'exec' && arr(h.command).length === 0) errs.push(required(child(path, 'command')));
    if (t === 'httpGet') errs.push(...validateHTTPGet(h, path));
    if (t === 'tcpSocket') errs.push(...validatePortNumOrName(h.port, child(path, 'port')));
    if (t === 'grpc') {
      const port = num(h.port);
      if (port < 1 || port > 65535) errs.push(invalid(child(path, 'port'), port, 'must be between 1 and 65535, inclusive'));
    }
    if (t === 'sleep') errs.push(...validateNonnegative(num(h.seconds), child(path, 'seconds')));
  }
  if (count === 0) errs.push(required(field, 'must specify a handler type'));
  return errs;
}

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

function validateProbe(probe: JsonObject, field: string): FieldError[] {
  const errs = validateHandler(probe, field, PROBE_HANDLERS);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...validateNonnegative(num(probe[f]), child(field, f)));
  }
  if (isSet(probe.terminationGracePeriodSeconds) && num(probe.terminationGracePeriodSeconds) <= 0) {
    errs.push(invalid(child(field, 'terminationGracePeriodSeconds'), num(probe.terminationGracePeriodSeconds), 'must be greater than 0'));
  }
  return errs;
}

/** Liveness and startup probes must have successThreshold 1; readiness may not set terminationGracePeriodSeconds. */
export function validateProbes(container: JsonObject, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = optObj(container[kind]);
    if (!probe) continue;
    const path = child(field, kind);
    errs.push(...validateProbe(probe, path));
    if (kind === 'readinessProbe' && isSet(probe.terminationGracePeriodSeconds)) {
      errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), num(probe.terminationGracePeriodSeconds), 'must not be set for readinessProbes'));
    }
    if (kind !== 'readinessProbe' && num(probe.successThreshold) !== 1) {
      errs.push(invalid(child(path, 'successThreshold'), num(probe.successThreshold), 'must be 1'));
    }
  }
  return errs;
}

/** validateLifecycle: postStart and preStop handlers. */
export function validateLifecycle(lifecycle: JsonObject, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop'] as const) {
    const h = optObj(lifecycle[hook]);
    if (h) errs.push(...validateHandler(h, child(field, hook), ['exec', 'httpGet', 'tcpSocket', 'sleep']));
  }
  return errs;
}
