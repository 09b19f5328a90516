/**
 * The Events section of describe (DescribeEvents) and the event search behind it: core/v1
 * events listed by involvedObject field selector, sorted by last timestamp, printed as
 * `Type Reason Age From Message` with `<last> (x<count> over <first>)` for repeats.
 */
import { escapeFieldValue, parseTimestamp, translateTimestampSince, type KObject } from '@mk/api';
import { goSort } from '../printers/sort-by';
import { listAll, type DescribeEnv } from './env';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer';

/** What an event search matches on (an ObjectReference). */
export interface EventTarget {
  name: string;
  namespace: string;
  /** Omitted for pods, whose events kubectl finds without the kind. */
  kind?: string;
  uid?: string;
}

/** The field selector GetFieldSelector builds: keys in sorted order, empty kind/uid left out. */
export function eventFieldSelector(t: EventTarget): string {
  const fields: [string, string][] = [];
  if (t.kind) fields.push(['involvedObject.kind', t.kind]);
  fields.push(['involvedObject.name', t.name], ['involvedObject.namespace', t.namespace]);
  if (t.uid) fields.push(['involvedObject.uid', t.uid]);
  return fields.map(([k, v]) => `${k}=${escapeFieldValue(v)}`).join(',');
}

/** The reference kubectl builds for an object: its kind, name, namespace and uid. */
export function targetOf(obj: KObject): EventTarget {
  return { name: obj.metadata?.name ?? '', namespace: obj.metadata?.namespace ?? '', kind: obj.kind, uid: obj.metadata?.uid };
}

/** Lists the events of a target; a failed search yields what was found so far (kubectl ignores the error). */
export async function searchEvents(env: DescribeEnv, target: EventTarget): Promise<KObject[]> {
  const path = target.namespace ? `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/events` : '/api/v1/events';
  try {
    return await listAll(env, path, { fieldSelector: eventFieldSelector(target) });
  } catch {
    return [];
  }
}

function since(ts: unknown, now: Date): string {
  return translateTimestampSince(typeof ts === 'string' ? ts : undefined, now);
}

/** DescribeEvents. */
export function describeEvents(events: KObject[], w: PrefixWriter, now: Date): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const last = (e: KObject) => parseTimestamp(e.lastTimestamp as string | undefined) ?? -Infinity;
  const sorted = goSort(events, (a, b) => last(a) < last(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = parseTimestamp(e.eventTime as string | undefined) === undefined ? since(e.firstTimestamp, now) : since(e.eventTime, now);
    const series = e.series as { count?: number; lastObservedTime?: string } | undefined;
    const count = typeof e.count === 'number' ? e.count : 0;
    let interval = first;
    if (series) interval = `${since(series.lastObservedTime, now)} (x${series.count ?? 0} over ${first})`;
    else if (count > 1) interval = `${since(e.lastTimestamp, now)} (x${count} over ${first})`;
    const source = ((e.source as { component?: string } | undefined)?.component || (e.reportingComponent as string | undefined)) ?? '';
    const message = typeof e.message === 'string' ? e.message.trim() : '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${message}\n`);
  }
}
