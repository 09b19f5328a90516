/** `kubectl get endpoints` columns (printEndpoints / formatEndpoints). */
import type { Endpoints } from 'kubernetes-types/core/v1';
import type { KindPrinter } from '../registry/types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { ageOf, nameOf } from './cells';

const MAX_SHOWN = 3;

/** net.JoinHostPort: IPv6 hosts get brackets. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** `ip:port` per address and port, the first three then `+ N more...`; `<none>` without subsets. */
export function formatEndpoints(endpoints: Endpoints): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    // Headless services may have no ports: list bare IPs.
    const entries = (ss.ports ?? []).length === 0 ? [undefined] : (ss.ports ?? []);
    for (const port of entries) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX_SHOWN) break;
        list.push(port === undefined ? a.ip : joinHostPort(a.ip, port.port));
      }
    }
  }
  const shown = list.join(',');
  return count > MAX_SHOWN ? `${shown} + ${count - MAX_SHOWN} more...` : shown;
}

export const endpointsPrinter: KindPrinter = {
  columns: [NAME_COLUMN, column('Endpoints', 'string', 'The set of all endpoints is the union of all subsets.'), AGE_COLUMN],
  printRow(obj, now) {
    return [nameOf(obj), formatEndpoints(obj as Endpoints), ageOf(obj, now)];
  },
};
