/** Volume defaults (SetDefaults_Volume and the per-source defaultMode, type and expiry defaults). */
import { defaultPointer, defaultString, isObject, objectsIn, type JsonObject } from './set-default';
import { defaultFieldRefs } from './container';
import { defaultPVCSpec } from './persistent-volumes';

const SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos',
  'csi', 'ephemeral', 'image',
];

/** 0644, the default file mode of secret, configMap, downwardAPI and projected volumes. */
const DEFAULT_MODE = 0o644;

function defaultDownwardItems(src: JsonObject): void {
  for (const item of objectsIn(src, 'items')) defaultFieldRefs(item);
}

/** Defaults one pod volume. */
export function defaultVolume(v: JsonObject): void {
  if (!SOURCES.some((s) => isObject(v[s]))) v.emptyDir = {};
  if (isObject(v.secret)) defaultPointer(v.secret, 'defaultMode', DEFAULT_MODE);
  if (isObject(v.configMap)) defaultPointer(v.configMap, 'defaultMode', DEFAULT_MODE);
  if (isObject(v.downwardAPI)) {
    defaultPointer(v.downwardAPI, 'defaultMode', DEFAULT_MODE);
    defaultDownwardItems(v.downwardAPI);
  }
  if (isObject(v.hostPath)) defaultPointer(v.hostPath, 'type', '');
  if (isObject(v.projected)) {
    defaultPointer(v.projected, 'defaultMode', DEFAULT_MODE);
    for (const s of objectsIn(v.projected, 'sources')) {
      if (isObject(s.serviceAccountToken)) defaultPointer(s.serviceAccountToken, 'expirationSeconds', 3600);
      if (isObject(s.downwardAPI)) defaultDownwardItems(s.downwardAPI);
    }
  }
  if (isObject(v.iscsi)) {
    defaultString(v.iscsi, 'iscsiInterface', 'default');
  }
  if (isObject(v.ephemeral) && isObject(v.ephemeral.volumeClaimTemplate) && isObject(v.ephemeral.volumeClaimTemplate.spec)) {
    defaultPVCSpec(v.ephemeral.volumeClaimTemplate.spec);
  }
}
