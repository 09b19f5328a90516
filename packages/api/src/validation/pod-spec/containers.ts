/** Regular and init containers (validateContainers, validateInitContainers, validateContainerCommon). */
import type { FieldError } from '../../registry/types';
import { child, duplicate, forbidden, index, invalid, notSupported, required } from '../field-errors';
import { arr, isSet, obj, optObj, str, type JsonObject } from '../json-access';
import { isDNS1123Label } from '../names';
import { validateEnv, validateEnvFrom } from './env';
import { validateContainerPorts, validateHostPortConflicts } from './ports';
import { validateLifecycle, validateProbes } from './probes';
import { validateResources } from './resources';
import { validateVolumeMounts } from './volumes';

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

function validatePullPolicy(policy: string, field: string): FieldError[] {
  if (policy === '') return [required(field)];
  return PULL_POLICIES.includes(policy) ? [] : [notSupported(field, policy, PULL_POLICIES)];
}

/** validateContainerCommon: name, image, terminationMessagePolicy, ports, env, mounts, pull policy, resources. */
function validateContainerCommon(c: JsonObject, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(c.name);
  if (!name) errs.push(required(child(path, 'name')));
  else for (const m of isDNS1123Label(name)) errs.push(invalid(child(path, 'name'), name, m));
  if (!str(c.image)) errs.push(required(child(path, 'image')));
  const tmp = str(c.terminationMessagePolicy);
  if (tmp === '') errs.push(required(child(path, 'terminationMessagePolicy')));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(notSupported(child(path, 'terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validateContainerPorts(c.ports, child(path, 'ports')));
  errs.push(...validateEnv(c.env, child(path, 'env')));
  errs.push(...validateEnvFrom(c.envFrom, child(path, 'envFrom')));
  errs.push(...validateVolumeMounts(c.volumeMounts, volumes, child(path, 'volumeMounts')));
  errs.push(...validatePullPolicy(str(c.imagePullPolicy), child(path, 'imagePullPolicy')));
  errs.push(...validateResources(c.resources, child(path, 'resources')));
  return errs;
}

/** validateContainers: at least one, unique names, probes and lifecycle allowed, no restartPolicy. */
export function validateContainers(containers: unknown, volumes: Set<string>, field: string): FieldError[] {
  const list = arr(containers).map(obj);
  if (list.length === 0) return [required(field)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((c, i) => {
    const path = index(field, i);
    errs.push(...validateContainerCommon(c, volumes, path));
    const name = str(c.name);
    if (names.has(name)) errs.push(duplicate(child(path, 'name'), name));
    else names.add(name);
    const lifecycle = optObj(c.lifecycle);
    if (lifecycle) errs.push(...validateLifecycle(lifecycle, child(path, 'lifecycle')));
    errs.push(...validateProbes(c, path));
    if (isSet(c.restartPolicy)) errs.push(forbidden(child(path, 'restartPolicy'), 'may not be set for non-init containers'));
  });
  errs.push(...validateHostPortConflicts(list, field));
  return errs;
}

/** validateInitContainers: names unique across init and regular containers; probes only for sidecars (restartPolicy Always). */
export function validateInitContainers(initContainers: unknown, containers: unknown, volumes: Set<string>, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(arr(containers).map((c) => str(obj(c).name)));
  arr(initContainers)
    .map(obj)
    .forEach((c, i) => {
      const path = index(field, i);
      errs.push(...validateContainerCommon(c, volumes, path));
      let sidecar = false;
      if (isSet(c.restartPolicy)) {
        const rp = str(c.restartPolicy);
        if (rp !== 'Always') errs.push(notSupported(child(path, 'restartPolicy'), rp, ['Always']));
        sidecar = rp === 'Always';
      }
      const name = str(c.name);
      if (names.has(name)) errs.push(duplicate(child(path, 'name'), name));
      else if (name) names.add(name);
      errs.push(...validateHostPortConflicts([c], field));
      if (sidecar) {
        const lifecycle = optObj(c.lifecycle);
        if (lifecycle) errs.push(...validateLifecycle(lifecycle, child(path, 'lifecycle')));
        errs.push(...validateProbes(c, path));
      } else {
        for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
          if (isSet(c[f])) errs.push(forbidden(child(path, f), 'may not be set for init containers without restartPolicy=Always'));
        }
      }
    });
  return errs;
}
