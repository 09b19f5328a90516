/** `kubectl get poddisruptionbudgets` columns (printPodDisruptionBudget). */
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { KindPrinter } from '../registry/types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { ageOf, nameOf } from './cells';

/** IntOrString.String(), `N/A` when unset. */
function intOrString(v: number | string | null | undefined): string {
  return v === undefined || v === null ? 'N/A' : String(v);
}

export const podDisruptionBudgetPrinter: KindPrinter = {
  columns: [
    NAME_COLUMN,
    column('Min Available', 'string', 'The minimum number of pods that must be available.'),
    column('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    column('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    AGE_COLUMN,
  ],
  printRow(obj, now) {
    const pdb = obj as PodDisruptionBudget;
    return [
      nameOf(obj),
      intOrString(pdb.spec?.minAvailable),
      intOrString(pdb.spec?.maxUnavailable),
      pdb.status?.disruptionsAllowed ?? 0,
      ageOf(obj, now),
    ];
  },
};
