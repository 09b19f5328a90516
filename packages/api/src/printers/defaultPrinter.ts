/** Tables for kinds without a dedicated printer. */
import type { KindPrinter } from '../registry/types';
import { AGE_COLUMN, CREATION_DESCRIPTION, NAME_COLUMN, column } from './columns';
import { ageOf, nameOf } from './cells';
import { parseTimestamp } from '../duration';

/** time.Time{}.UTC().Format(time.RFC3339), what an unset timestamp prints as. */
const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

/** RFC 3339 in UTC with whole seconds, as Go's time.RFC3339 layout prints. */
function rfc3339(ts: string | undefined): string {
  const ms = parseTimestamp(ts);
  if (ms === undefined) return GO_ZERO_TIME;
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * The API server's generic table (rest.NewDefaultTableConvertor): NAME and
 * CREATED AT (an RFC 3339 timestamp), which is what `kubectl get` shows for
 * built-in kinds upstream has no printer for (Roles, ClusterRoles, LimitRanges,
 * CustomResourceDefinitions, ...).
 */
export const defaultPrinter: KindPrinter = {
  columns: [NAME_COLUMN, column('Created At', 'date', CREATION_DESCRIPTION)],
  printRow(obj) {
    return [nameOf(obj), rfc3339(obj.metadata?.creationTimestamp)];
  },
};

/** NAME and AGE: the table of custom resources whose CRD declares no additionalPrinterColumns. */
export const customResourcePrinter: KindPrinter = {
  columns: [NAME_COLUMN, AGE_COLUMN],
  printRow(obj, now) {
    return [nameOf(obj), ageOf(obj, now)];
  },
};
