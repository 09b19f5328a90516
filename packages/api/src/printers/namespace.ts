/** `kubectl get namespaces` columns (printNamespace). */
import type { Namespace } from 'kubernetes-types/core/v1';
import type { KindPrinter } from '../registry/types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { ageOf, nameOf } from './cells';

export const namespacePrinter: KindPrinter = {
  columns: [NAME_COLUMN, column('Status', 'string', 'The status of the namespace'), AGE_COLUMN],
  printRow(obj, now) {
    return [nameOf(obj), (obj as Namespace).status?.phase ?? '', ageOf(obj, now)];
  },
};
