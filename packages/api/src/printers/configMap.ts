/** `kubectl get configmaps` columns (printConfigMap). */
import type { ConfigMap } from 'kubernetes-types/core/v1';
import type { KindPrinter } from '../registry/types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { ageOf, nameOf } from './cells';

export const configMapPrinter: KindPrinter = {
  columns: [NAME_COLUMN, column('Data', 'string', 'Data contains the configuration data.'), AGE_COLUMN],
  printRow(obj, now) {
    const cm = obj as ConfigMap;
    // DATA counts text and binary keys together.
    const count = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
    return [nameOf(obj), count, ageOf(obj, now)];
  },
};
