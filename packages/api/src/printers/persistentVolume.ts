/** `kubectl get persistentvolumes` columns (printPersistentVolume). */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { KindPrinter } from '../registry/types';
import { AGE_COLUMN, NAME_COLUMN, column, wide } from './columns';
import { ageOf, isDeleting, nameOf, quantityCell } from './cells';
import { accessModesCell, storageClassCell } from './storage';

export const persistentVolumePrinter: KindPrinter = {
  columns: [
    NAME_COLUMN,
    column('Capacity', 'string', "capacity is the description of the persistent volume's resources and capacity."),
    column('Access Modes', 'string', 'accessModes contains all ways the volume can be mounted.'),
    column('Reclaim Policy', 'string', 'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim.'),
    column('Status', 'string', 'phase indicates if a volume is available, bound to a claim, or released by a claim.'),
    column('Claim', 'string', 'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.'),
    column('StorageClass', 'string', 'StorageClass of the pv'),
    column('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pv'),
    column('Reason', 'string', 'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.'),
    AGE_COLUMN,
    wide('VolumeMode', 'string', 'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.'),
  ],
  printRow(obj, now) {
    const pv = obj as PersistentVolume;
    const claim = pv.spec?.claimRef;
    return [
      nameOf(obj),
      quantityCell(pv.spec?.capacity?.storage, '0'),
      accessModesCell(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? '',
      isDeleting(obj) ? 'Terminating' : (pv.status?.phase ?? ''),
      claim ? `${claim.namespace ?? ''}/${claim.name ?? ''}` : '',
      storageClassCell(obj.metadata?.annotations, pv.spec?.storageClassName),
      pv.spec?.volumeAttributesClassName ?? '<unset>',
      pv.status?.reason ?? '',
      ageOf(obj, now),
      pv.spec?.volumeMode ?? '<unset>',
    ];
  },
};
