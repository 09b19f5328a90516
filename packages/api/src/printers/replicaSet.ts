/** `kubectl get replicasets` columns (printReplicaSet). */
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KindPrinter } from '../registry/types';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column, wide } from './columns';
import { ageOf, containerCells, nameOf } from './cells';
import { formatLabelSelector } from '../selectors';

export const replicaSetPrinter: KindPrinter = {
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', 'Replicas is the number of desired replicas.'),
    column('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
    column('Ready', 'integer', 'readyReplicas is the number of pods targeted by this ReplicaSet with a Ready Condition.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    wide('Selector', 'string', 'Selector is a label query over pods that should match the replica count.'),
  ],
  printRow(obj, now) {
    const rs = obj as ReplicaSet;
    const [names, images] = containerCells(rs.spec?.template?.spec?.containers);
    return [
      nameOf(obj),
      rs.spec?.replicas ?? 1, // defaulted to 1
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      ageOf(obj, now),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ];
  },
};
