/** `kubectl get statefulsets` columns (printStatefulSet). */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { KindPrinter } from '../registry/types';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column } from './columns';
import { ageOf, containerCells, nameOf } from './cells';

export const statefulSetPrinter: KindPrinter = {
  columns: [NAME_COLUMN, column('Ready', 'string', 'Number of the pod with ready state'), AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN],
  printRow(obj, now) {
    const sts = obj as StatefulSet;
    const [names, images] = containerCells(sts.spec?.template?.spec?.containers);
    const desired = sts.spec?.replicas ?? 1; // defaulted to 1
    return [nameOf(obj), `${sts.status?.readyReplicas ?? 0}/${desired}`, ageOf(obj, now), names, images];
  },
};
