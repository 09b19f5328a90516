/** `kubectl get persistentvolumeclaims` columns (printPersistentVolumeClaim). */
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { KindPrinter } from '../registry/types';
import { AGE_COLUMN, NAME_COLUMN, column, wide } from './columns';
import { ageOf, isDeleting, nameOf, quantityCell } from './cells';
import { accessModesCell, storageClassCell } from './storage';

export const persistentVolumeClaimPrinter: KindPrinter = {
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'phase represents the current phase of PersistentVolumeClaim.'),
    column('Volume', 'string', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
    column('Capacity', 'string', 'capacity represents the actual resources of the underlying volume.'),
    column('Access Modes', 'string', 'accessModes contains the actual access modes the volume backing the PVC has.'),
    column('StorageClass', 'string', 'StorageClass of the pvc'),
    column('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
    AGE_COLUMN,
    wide('VolumeMode', 'string', 'volumeMode defines what type of volume is required by the claim.'),
  ],
  printRow(obj, now) {
    const pvc = obj as PersistentVolumeClaim;
    const volumeName = pvc.spec?.volumeName ?? '';
    // Capacity and modes are only shown once the claim is bound to a volume.
    const bound = volumeName !== '';
    return [
      nameOf(obj),
      isDeleting(obj) ? 'Terminating' : (pvc.status?.phase ?? ''),
      volumeName,
      bound ? quantityCell(pvc.status?.capacity?.storage, '0') : '',
      bound ? accessModesCell(pvc.status?.accessModes) : '',
      storageClassCell(obj.metadata?.annotations, pvc.spec?.storageClassName),
      pvc.spec?.volumeAttributesClassName ?? '<unset>',
      ageOf(obj, now),
      pvc.spec?.volumeMode ?? '<unset>',
    ];
  },
};
