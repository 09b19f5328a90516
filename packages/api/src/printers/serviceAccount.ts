/** `kubectl get serviceaccounts` columns (printServiceAccount). */
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import type { KindPrinter } from '../registry/types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { ageOf, nameOf } from './cells';

export const serviceAccountPrinter: KindPrinter = {
  columns: [
    NAME_COLUMN,
    column('Secrets', 'string', 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.'),
    AGE_COLUMN,
  ],
  printRow(obj, now) {
    return [nameOf(obj), ((obj as ServiceAccount).secrets ?? []).length, ageOf(obj, now)];
  },
};
