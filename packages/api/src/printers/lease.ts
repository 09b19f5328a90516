/** `kubectl get leases` columns (printLease). */
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { KindPrinter } from '../registry/types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { ageOf, nameOf } from './cells';

export const leasePrinter: KindPrinter = {
  columns: [NAME_COLUMN, column('Holder', 'string', 'holderIdentity contains the identity of the holder of a current lease.'), AGE_COLUMN],
  printRow(obj, now) {
    return [nameOf(obj), (obj as Lease).spec?.holderIdentity ?? '', ageOf(obj, now)];
  },
};
