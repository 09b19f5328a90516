import { describe, it, expect } from 'vitest';
import type { KObject } from '../registry/types';
import { persistentVolumePrinter } from './persistentVolume';

const now = new Date('2024-05-01T12:00:00Z');

describe('pv printer', () => {
  it('declares upstream columns', () => {
    expect(persistentVolumePrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0', 'Capacity:0', 'Access Modes:0', 'Reclaim Policy:0', 'Status:0', 'Claim:0', 'StorageClass:0', 'VolumeAttributesClass:0', 'Reason:0', 'Age:0', 'VolumeMode:1',
    ]);
  });

  it('prints a bound volume', () => {
    const pv: KObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pv-1', creationTimestamp: '2024-05-01T11:00:00Z' },
      spec: {
        capacity: { storage: '10Gi' },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Delete',
        claimRef: { namespace: 'default', name: 'data' },
        storageClassName: 'standard',
        volumeMode: 'Filesystem',
        hostPath: { path: '/data' },
      },
      status: { phase: 'Bound' },
    };
    expect(persistentVolumePrinter.printRow(pv, now)).toEqual(['pv-1', '10Gi', 'RWO', 'Delete', 'Bound', 'default/data', 'standard', '<unset>', '', '60m', 'Filesystem']);
  });

  it('prints a released, terminating volume with a reason and no claim', () => {
    const pv: KObject = {
      metadata: { name: 'pv-2', deletionTimestamp: '2024-05-01T12:00:00Z' },
      spec: { capacity: { storage: '1500M' }, accessModes: ['ReadOnlyMany'], persistentVolumeReclaimPolicy: 'Retain', volumeAttributesClassName: 'gold' },
      status: { phase: 'Failed', reason: 'RecyclerFailed' },
    };
    expect(persistentVolumePrinter.printRow(pv, now)).toEqual(['pv-2', '1500M', 'ROX', 'Retain', 'Terminating', '', '', 'gold', 'RecyclerFailed', '<unknown>', '<unset>']);
  });
});
