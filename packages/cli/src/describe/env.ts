/** What every describer gets: the client, the clock, the time zone for RFC1123Z times, and the settings. */
import type { ApiClient } from '@mk/client';
import type { KObject } from '@mk/api';
import { formatRFC1123Z } from './format';

/** DescriberSettings plus mk's injected dependencies. */
export interface DescribeEnv {
  client: ApiClient;
  now: Date;
  /** UTC offset in minutes of the zone times are shown in (kubectl uses the local zone). */
  utcOffset: (d: Date) => number;
  showEvents: boolean;
  chunkSize: number;
}

/** Formats a timestamp as RFC1123Z in the env's zone. */
export function timeOf(env: DescribeEnv, ts: unknown): string {
  return formatRFC1123Z(ts, env.utcOffset);
}

/** Lists a collection following continue tokens (runtimeresource.FollowContinue). */
export async function listAll(env: DescribeEnv, path: string, query: Record<string, string | number>): Promise<KObject[]> {
  const items: KObject[] = [];
  let cont = '';
  do {
    const q: Record<string, string | number> = { ...query };
    if (env.chunkSize > 0) q.limit = env.chunkSize;
    if (cont) q.continue = cont;
    const list = await env.client.request<KObject>('GET', path, { query: q });
    items.push(...(((list.items as KObject[] | undefined) ?? [])));
    cont = typeof list.metadata?.continue === 'string' ? list.metadata.continue : '';
  } while (cont);
  return items;
}
