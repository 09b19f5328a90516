/** Pod volumes and container volumeMounts (ValidateVolumes, ValidateVolumeMounts). */
import type { FieldError } from '../../registry/types';
import { child, duplicate, forbidden, index, invalid, notFound, required } from '../field-errors';
import { arr, isSet, num, obj, optObj, str, type JsonObject } from '../json-access';
import { isDNS1123Label } from '../names';
import { validateObjectFieldSelector } from './env';

// Volume source fields in upstream's check order.
const SOURCES = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume', 'configMap',
  'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'projected', 'scaleIO',
  'csi', 'ephemeral', 'image',
];

const FILE_MODE_MSG = 'must be a number between 0 and 0777 (octal), both inclusive';
const DOWNWARD_VOLUME_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];

function validateMode(mode: unknown, field: string): FieldError[] {
  if (!isSet(mode)) return [];
  const m = num(mode);
  return m > 0o777 || m < 0 ? [invalid(field, m, FILE_MODE_MSG)] : [];
}

/** validateLocalDescendingPath: relative, without `..` elements. */
export function validateLocalDescendingPath(p: string, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.startsWith('/')) errs.push(invalid(field, p, 'must be a relative path'));
  if (p.split(/[\\/]/).includes('..')) errs.push(invalid(field, p, "must not contain '..'"));
  return errs;
}

function validateKeyToPaths(items: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(items).forEach((it, i) => {
    const item = obj(it);
    const path = index(field, i);
    if (!str(item.key)) errs.push(required(child(path, 'key')));
    if (!str(item.path)) errs.push(required(child(path, 'path')));
    else errs.push(...validateLocalDescendingPath(str(item.path), child(path, 'path')));
    errs.push(...validateMode(item.mode, child(path, 'mode')));
  });
  return errs;
}

function validateSource(type: string, src: JsonObject, field: string): FieldError[] {
  switch (type) {
    case 'emptyDir':
      return [];
    case 'hostPath':
      return str(src.path) ? [] : [required(child(field, 'path'))];
    case 'secret':
      return [
        ...(str(src.secretName) ? [] : [required(child(field, 'secretName'))]),
        ...validateMode(src.defaultMode, child(field, 'defaultMode')),
        ...validateKeyToPaths(src.items, child(field, 'items')),
      ];
    case 'configMap':
      return [
        ...(str(src.name) ? [] : [required(child(field, 'name'))]),
        ...validateMode(src.defaultMode, child(field, 'defaultMode')),
        ...validateKeyToPaths(src.items, child(field, 'items')),
      ];
    case 'persistentVolumeClaim':
      return str(src.claimName) ? [] : [required(child(field, 'claimName'))];
    case 'nfs':
      return [...(str(src.server) ? [] : [required(child(field, 'server'))]), ...(str(src.path) ? [] : [required(child(field, 'path'))])];
    case 'downwardAPI': {
      const errs = validateMode(src.defaultMode, child(field, 'defaultMode'));
      arr(src.items).forEach((it, i) => {
        const item = obj(it);
        const path = index(child(field, 'items'), i);
        if (!str(item.path)) errs.push(required(child(path, 'path')));
        else errs.push(...validateLocalDescendingPath(str(item.path), child(path, 'path')));
        const ref = optObj(item.fieldRef);
        if (ref) errs.push(...validateObjectFieldSelector(ref, child(path, 'fieldRef'), DOWNWARD_VOLUME_PATHS));
        errs.push(...validateMode(item.mode, child(path, 'mode')));
      });
      return errs;
    }
    case 'projected':
      return validateMode(src.defaultMode, child(field, 'defaultMode'));
    case 'csi':
      return str(src.driver) ? [] : [required(child(field, 'driver'))];
    default:
      return [];
  }
}

/** ValidateVolumes; returns the valid volume names for the mounts check. */
export function validateVolumes(volumes: unknown, field: string): { names: Set<string>; errs: FieldError[] } {
  const names = new Set<string>();
  const errs: FieldError[] = [];
  arr(volumes).forEach((v, i) => {
    const vol = obj(v);
    const path = index(field, i);
    const namePath = child(path, 'name');
    const el: FieldError[] = [];
    let count = 0;
    for (const type of SOURCES) {
      const src = optObj(vol[type]);
      if (!src) continue;
      if (count > 0) {
        el.push(forbidden(child(path, type), 'may not specify more than 1 volume type'));
        continue;
      }
      count++;
      el.push(...validateSource(type, src, child(path, type)));
    }
    if (count === 0) el.push(required(path, 'must specify a volume type'));
    const name = str(vol.name);
    if (!name) el.push(required(namePath));
    else for (const m of isDNS1123Label(name)) el.push(invalid(namePath, name, m));
    if (names.has(name)) el.push(duplicate(namePath, name));
    if (el.length === 0) names.add(name);
    else errs.push(...el);
  });
  return { names, errs };
}

/** ValidateVolumeMounts. */
export function validateVolumeMounts(mounts: unknown, volumes: Set<string>, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const paths = new Set<string>();
  arr(mounts).forEach((m, i) => {
    const mnt = obj(m);
    const path = index(field, i);
    const name = str(mnt.name);
    const mountPath = str(mnt.mountPath);
    if (!name) errs.push(required(child(path, 'name')));
    if (!volumes.has(name)) errs.push(notFound(child(path, 'name'), name));
    if (!mountPath) errs.push(required(child(path, 'mountPath')));
    if (paths.has(mountPath)) errs.push(invalid(child(path, 'mountPath'), mountPath, 'must be unique'));
    paths.add(mountPath);
    if (str(mnt.subPath)) errs.push(...validateLocalDescendingPath(str(mnt.subPath), child(field, 'subPath')));
    if (str(mnt.subPathExpr)) {
      if (str(mnt.subPath)) errs.push(invalid(child(path, 'subPathExpr'), str(mnt.subPathExpr), 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(str(mnt.subPathExpr), child(field, 'subPathExpr')));
    }
  });
  return errs;
}
