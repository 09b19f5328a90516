/** `kubectl get secrets` columns (printSecret). */
import type { Secret } from 'kubernetes-types/core/v1';
import type { KindPrinter } from '../registry/types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { ageOf, nameOf } from './cells';

export const secretPrinter: KindPrinter = {
  columns: [
    NAME_COLUMN,
    column('Type', 'string', 'Used to facilitate programmatic handling of secret data.'),
    column('Data', 'string', 'Data contains the secret data.'),
    AGE_COLUMN,
  ],
  printRow(obj, now) {
    const secret = obj as Secret;
    return [nameOf(obj), secret.type ?? '', Object.keys(secret.data ?? {}).length, ageOf(obj, now)];
  },
};
