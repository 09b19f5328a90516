/** PersistentVolumeClaim and PersistentVolume defaults and create-time status. */
import type { KObject } from '../registry/types';
import { defaultPointer, defaultString, objectAt, type JsonObject } from './set-default';

/** SetDefaults_PersistentVolumeClaimSpec. */
export function defaultPVCSpec(spec: JsonObject): void {
  defaultPointer(spec, 'volumeMode', 'Filesystem');
}

/** PVC: volumeMode Filesystem and status.phase Pending. */
export function applyPVCDefaults(pvc: KObject): void {
  defaultPVCSpec(objectAt(pvc, 'spec'));
  defaultString(objectAt(pvc, 'status'), 'phase', 'Pending');
}

/** PVC create: status starts as {phase: Pending}. */
export function preparePVCForCreate(pvc: KObject): void {
  pvc.status = {};
  applyPVCDefaults(pvc);
}

/** PV: reclaim policy Retain, volumeMode Filesystem, status.phase Pending. */
export function applyPVDefaults(pv: KObject): void {
  const spec = objectAt(pv, 'spec');
  defaultString(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  defaultPointer(spec, 'volumeMode', 'Filesystem');
  defaultString(objectAt(pv, 'status'), 'phase', 'Pending');
}

/** PV create: status {phase: Pending, lastPhaseTransitionTime: now} (PersistentVolumeLastPhaseTransitionTime is GA). */
export function preparePVForCreate(pv: KObject, now: Date): void {
  applyPVDefaults(pv);
  pv.status = { phase: 'Pending', lastPhaseTransitionTime: now.toISOString().replace(/\.\d{3}Z$/, 'Z') };
}
