/** PersistentVolumeClaim and PersistentVolume validation (the common rules). */
import type { FieldError, KObject } from '../../registry/types';
import { compareQuantities, formatQuantity, parseQuantity, type Quantity } from '../../quantity';
import { forbidden, index, invalid, notSupported, required } from '../field-errors';
import { deepEqual } from '../deep-equal';
import { goStruct } from '../go-value';
import { arr, isSet, obj, optObj, str, type JsonObject } from '../json-access';
import { validateLabelSelector } from '../label-selector';
import { nameIsDNSSubdomain } from '../names';
import { specDiff } from '../spec-diff';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const PV_SOURCES = [
  'gcePersistentDisk', 'awsElasticBlockStore', 'hostPath', 'glusterfs', 'nfs', 'rbd', 'quobyte', 'cinder', 'cephfs', 'fc',
  'flocker', 'flexVolume', 'azureFile', 'vsphereVolume', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO',
  'local', 'storageos', 'csi', 'iscsi',
];

function quantity(v: unknown): Quantity | undefined {
  try {
    return parseQuantity(typeof v === 'number' ? String(v) : str(v));
  } catch {
    return undefined;
  }
}

function validateAccessModes(spec: JsonObject, field: string): FieldError[] {
  const modes = arr(spec.accessModes).map(str);
  if (modes.length === 0) return [required(field, 'at least 1 access mode is required')];
  const errs: FieldError[] = [];
  for (const m of modes) if (!ACCESS_MODES.includes(m)) errs.push(notSupported(field, m, ACCESS_MODES));
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) {
    errs.push(forbidden(field, 'may not use ReadWriteOncePod with other access modes'));
  }
  return errs;
}

function validateVolumeMode(spec: JsonObject, field: string): FieldError[] {
  if (!isSet(spec.volumeMode)) return [];
  const mode = str(spec.volumeMode);
  return VOLUME_MODES.includes(mode) ? [] : [notSupported(field, mode, VOLUME_MODES)];
}

/** ValidatePersistentVolumeClaimSpec. */
export function validatePVCSpec(specValue: unknown, field: string): FieldError[] {
  const spec = obj(specValue);
  const errs = validateAccessModes(spec, `${field}.accessModes`);
  if (isSet(spec.selector)) errs.push(...validateLabelSelector(spec.selector, `${field}.selector`));
  const storagePath = `${field}.resources[storage]`;
  const requests = obj(obj(spec.resources).requests);
  if (!('storage' in requests)) errs.push(required(storagePath));
  else {
    const q = quantity(requests.storage);
    if (!q || q.nanos <= 0n) errs.push(invalid(storagePath, q ? formatQuantity(q) : str(requests.storage), 'must be greater than zero'));
  }
  const sc = str(spec.storageClassName);
  if (sc) for (const m of nameIsDNSSubdomain(sc, false)) errs.push(invalid(`${field}.storageClassName`, sc, m));
  errs.push(...validateVolumeMode(spec, `${field}.volumeMode`));
  return errs;
}

/** PVC validation; on update the spec is immutable except a growing storage request (and binding a volume). */
export function validatePVC(pvc: KObject, old?: KObject): FieldError[] {
  const errs = validatePVCSpec(pvc.spec, 'spec');
  if (!old) return errs;
  const next = structuredClone(obj(pvc.spec));
  const prev = structuredClone(obj(old.spec));
  if (!str(prev.volumeName)) next.volumeName = prev.volumeName;
  const nextReq = obj(obj(next.resources).requests);
  const prevReq = obj(obj(prev.resources).requests);
  const a = quantity(nextReq.storage);
  const b = quantity(prevReq.storage);
  if (a && b && compareQuantities(a, b) < 0) errs.push(forbidden('spec.resources.requests.storage', 'field can not be less than previous value'));
  next.resources = { ...obj(next.resources), requests: prevReq };
  if (!deepEqual(next, prev)) {
    errs.push(forbidden('spec', `spec is immutable after creation except resources.requests for bound claims\n${specDiff('core.PersistentVolumeClaimSpec', prev, next)}`));
  }
  return errs;
}

/** ValidatePersistentVolume (the common rules). */
export function validatePV(pv: KObject): FieldError[] {
  const spec = obj(pv.spec);
  const errs = validateAccessModes(spec, 'spec.accessModes');
  const capacity = obj(spec.capacity);
  if (Object.keys(capacity).length === 0) errs.push(required('spec.capacity'));
  if (!('storage' in capacity) || Object.keys(capacity).length > 1) {
    errs.push(notSupported('spec.capacity', goStruct('core.ResourceList', capacity), ['storage']));
  }
  for (const [r, v] of Object.entries(capacity)) {
    const q = quantity(v);
    if (!q || q.nanos <= 0n) errs.push(invalid(`spec.capacity[${r}]`, q ? formatQuantity(q) : str(v), 'must be greater than zero'));
  }
  const policy = str(spec.persistentVolumeReclaimPolicy);
  if (policy && !RECLAIM_POLICIES.includes(policy)) errs.push(notSupported('spec.persistentVolumeReclaimPolicy', policy, RECLAIM_POLICIES));
  let sources = 0;
  for (const s of PV_SOURCES) {
    if (!optObj(spec[s])) continue;
    if (sources > 0) errs.push(forbidden(`spec.${s}`, 'may not specify more than 1 volume type'));
    sources++;
  }
  if (sources === 0) errs.push(required('spec', 'must specify a volume type'));
  const sc = str(spec.storageClassName);
  if (sc) for (const m of nameIsDNSSubdomain(sc, false)) errs.push(invalid('spec.storageClassName', sc, m));
  errs.push(...validateVolumeMode(spec, 'spec.volumeMode'));
  arr(spec.mountOptions).forEach((o, i) => {
    if (!str(o)) errs.push(required(index('spec.mountOptions', i)));
  });
  return errs;
}
