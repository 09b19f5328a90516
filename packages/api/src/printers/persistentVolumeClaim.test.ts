import { describe, it, expect } from 'vitest';
import type { KObject } from '../registry/types';
import { persistentVolumeClaimPrinter } from './persistentVolumeClaim';

const now = new Date('2024-05-01T12:00:00Z');

function pvc(spec: object, status: object = {}, metadata: object = {}): KObject {
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', creationTimestamp: '2024-05-01T11:59:00Z', ...metadata }, spec, status };
}

describe('pvc printer', () => {
  it('declares upstream columns', () => {
    expect(persistentVolumeClaimPrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0', 'Status:0', 'Volume:0', 'Capacity:0', 'Access Modes:0', 'StorageClass:0', 'VolumeAttributesClass:0', 'Age:0', 'VolumeMode:1',
    ]);
  });

  it('prints a bound claim with canonical capacity and ordered access modes', () => {
    const c = pvc(
      { volumeName: 'pv-1', storageClassName: 'standard', volumeMode: 'Filesystem', resources: { requests: { storage: '1Gi' } }, accessModes: ['ReadWriteOnce'] },
      { phase: 'Bound', capacity: { storage: '1024Mi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce'] },
    );
    expect(persistentVolumeClaimPrinter.printRow(c, now)).toEqual(['data', 'Bound', 'pv-1', '1Gi', 'RWO,RWX', 'standard', '<unset>', '60s', 'Filesystem']);
  });

  it('leaves capacity and modes empty while pending and reads the beta class annotation', () => {
    const c = pvc(
      { storageClassName: 'fast', volumeAttributesClassName: 'gold', resources: { requests: { storage: '5Gi' } } },
      { phase: 'Pending' },
      { annotations: { 'volume.beta.kubernetes.io/storage-class': 'legacy' } },
    );
    expect(persistentVolumeClaimPrinter.printRow(c, now)).toEqual(['data', 'Pending', '', '', '', 'legacy', 'gold', '60s', '<unset>']);
  });

  it('prints Terminating while being deleted', () => {
    const c = pvc({ volumeName: 'pv-1' }, { phase: 'Bound', accessModes: ['ReadWriteOncePod', 'ReadOnlyMany'] }, { deletionTimestamp: '2024-05-01T12:00:00Z' });
    expect(persistentVolumeClaimPrinter.printRow(c, now).slice(1, 5)).toEqual(['Terminating', 'pv-1', '0', 'ROX,RWOP']);
  });
});
