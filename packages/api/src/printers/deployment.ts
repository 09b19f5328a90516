/** `kubectl get deployments` columns (printDeployment). */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { KindPrinter } from '../registry/types';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column, wide } from './columns';
import { ageOf, containerCells, nameOf } from './cells';
import { labelSelectorFromSpec, labelSelectorToString, type LabelSelectorSpec } from '../selectors';

/** Unlike other workloads, Deployment prints Selector.String(): "" when empty, `<invalid>` when unparsable. */
function selectorCell(spec: LabelSelectorSpec | undefined): string {
  try {
    return labelSelectorToString(labelSelectorFromSpec(spec));
  } catch {
    return '<invalid>';
  }
}

export const deploymentPrinter: KindPrinter = {
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'Number of the pod with ready state'),
    column('Up-to-date', 'string', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
    column('Available', 'string', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    wide('Selector', 'string', 'Label selector for pods.'),
  ],
  printRow(obj, now) {
    const d = obj as Deployment;
    const [names, images] = containerCells(d.spec?.template?.spec?.containers);
    const desired = d.spec?.replicas ?? 1; // defaulted to 1
    return [
      nameOf(obj),
      `${d.status?.readyReplicas ?? 0}/${desired}`,
      d.status?.updatedReplicas ?? 0,
      d.status?.availableReplicas ?? 0,
      ageOf(obj, now),
      names,
      images,
      selectorCell(d.spec?.selector),
    ];
  },
};
