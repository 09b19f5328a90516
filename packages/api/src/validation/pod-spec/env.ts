/** Container env and envFrom (ValidateEnv, validateEnvVarValueFrom, ValidateEnvFrom). */
import type { FieldError } from '../../registry/types';
import { child, index, invalid, notSupported, required } from '../field-errors';
import { arr, obj, optObj, str, type JsonObject } from '../json-access';
import { isConfigMapKey, isQualifiedName, isRelaxedEnvVarName, nameIsDNSSubdomain } from '../names';

const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
].sort();

const RESOURCE_FIELD_PATHS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];

/** validateObjectFieldSelector (downward API fieldRef). */
export function validateObjectFieldSelector(fs: JsonObject, field: string, allowed: readonly string[] = ENV_FIELD_PATHS): FieldError[] {
  if (!str(fs.apiVersion)) return [required(child(field, 'apiVersion'))];
  const path = str(fs.fieldPath);
  if (!path) return [required(child(field, 'fieldPath'))];
  const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(path);
  if (sub) {
    const key = sub[1] === 'metadata.annotations' ? sub[2].toLowerCase() : sub[2];
    return isQualifiedName(key).map((m) => invalid(field, key, m));
  }
  if (path.includes('[')) return [invalid(field, path.slice(0, path.indexOf('[')), 'does not support subscript')];
  return allowed.includes(path) ? [] : [notSupported(child(field, 'fieldPath'), path, allowed)];
}

function validateResourceFieldRef(ref: JsonObject, field: string): FieldError[] {
  const resource = str(ref.resource);
  if (!resource) return [required(child(field, 'resource'))];
  if (RESOURCE_FIELD_PATHS.includes(resource) || resource.startsWith('requests.hugepages-') || resource.startsWith('limits.hugepages-')) return [];
  return [notSupported(child(field, 'resource'), resource, RESOURCE_FIELD_PATHS)];
}

function validateKeySelector(ref: JsonObject, field: string): FieldError[] {
  const errs: FieldError[] = nameIsDNSSubdomain(str(ref.name), false).map((m) => invalid(child(field, 'name'), str(ref.name), m));
  const key = str(ref.key);
  if (!key) errs.push(required(child(field, 'key')));
  else for (const m of isConfigMapKey(key)) errs.push(invalid(child(field, 'key'), key, m));
  return errs;
}

function validateValueFrom(ev: JsonObject, field: string): FieldError[] {
  const from = optObj(ev.valueFrom);
  if (!from) return [];
  const errs: FieldError[] = [];
  let sources = 0;
  if (optObj(from.fieldRef)) {
    sources++;
    errs.push(...validateObjectFieldSelector(obj(from.fieldRef), child(field, 'fieldRef')));
  }
  if (optObj(from.resourceFieldRef)) {
    sources++;
    errs.push(...validateResourceFieldRef(obj(from.resourceFieldRef), child(field, 'resourceFieldRef')));
  }
  if (optObj(from.configMapKeyRef)) {
    sources++;
    errs.push(...validateKeySelector(obj(from.configMapKeyRef), child(field, 'configMapKeyRef')));
  }
  if (optObj(from.secretKeyRef)) {
    sources++;
    errs.push(...validateKeySelector(obj(from.secretKeyRef), child(field, 'secretKeyRef')));
  }
  if (sources === 0) errs.push(invalid(field, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  else if (str(ev.value)) errs.push(invalid(field, '', 'may not be specified when `value` is not empty'));
  else if (sources > 1) errs.push(invalid(field, '', 'may not have more than one field specified at a time'));
  return errs;
}

/** ValidateEnv. */
export function validateEnv(env: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(env).forEach((e, i) => {
    const ev = obj(e);
    const path = index(field, i);
    const name = str(ev.name);
    if (!name) errs.push(required(child(path, 'name')));
    else for (const m of isRelaxedEnvVarName(name)) errs.push(invalid(child(path, 'name'), name, m));
    errs.push(...validateValueFrom(ev, child(path, 'valueFrom')));
  });
  return errs;
}

/** ValidateEnvFrom. */
export function validateEnvFrom(envFrom: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(envFrom).forEach((e, i) => {
    const ev = obj(e);
    const path = index(field, i);
    const prefix = str(ev.prefix);
    if (prefix) for (const m of isRelaxedEnvVarName(prefix)) errs.push(invalid(child(path, 'prefix'), prefix, m));
    let sources = 0;
    for (const ref of ['configMapRef', 'secretRef'] as const) {
      const r = optObj(ev[ref]);
      if (!r) continue;
      sources++;
      const name = str(r.name);
      if (!name) errs.push(required(child(path, ref, 'name')));
      else for (const m of nameIsDNSSubdomain(name, true)) errs.push(invalid(child(path, ref, 'name'), name, m));
    }
    if (sources === 0) errs.push(invalid(field, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources > 1) errs.push(invalid(field, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}
