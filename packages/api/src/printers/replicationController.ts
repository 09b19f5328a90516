/** `kubectl get replicationcontrollers` columns (printReplicationController). */
import type { ReplicationController } from 'kubernetes-types/core/v1';
import type { KindPrinter } from '../registry/types';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column, wide } from './columns';
import { ageOf, containerCells, nameOf } from './cells';
import { formatLabels } from '../selectors';

export const replicationControllerPrinter: KindPrinter = {
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', 'Replicas is the number of desired replicas.'),
    column('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
    column('Ready', 'integer', 'The number of ready replicas for this replication controller.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    wide('Selector', 'string', 'Selector is a label query over pods that should match the Replicas count.'),
  ],
  printRow(obj, now) {
    const rc = obj as ReplicationController;
    const [names, images] = containerCells(rc.spec?.template?.spec?.containers);
    return [
      nameOf(obj),
      rc.spec?.replicas ?? 1, // defaulted to 1
      rc.status?.replicas ?? 0,
      rc.status?.readyReplicas ?? 0,
      ageOf(obj, now),
      names,
      images,
      formatLabels(rc.spec?.selector),
    ];
  },
};
