/**
 * `kubectl get events` columns (printEvent), for core/v1 Events and for
 * events.k8s.io/v1 Events, which upstream converts to the same internal
 * shape before printing.
 */
import type { Event as CoreEvent } from 'kubernetes-types/core/v1';
import type { Event as EventsV1Event } from 'kubernetes-types/events/v1';
import type { KObject, KindPrinter } from '../registry/types';
import { NAME_DESCRIPTION, column, wide } from './columns';
import { parseTimestamp, translateTimestampSince } from '../duration';

/** Convert_v1_Event_To_core_Event: regarding→involvedObject, note→message, deprecated* → source/first/last/count. */
export function eventsV1ToCore(obj: KObject): CoreEvent {
  const e = obj as unknown as EventsV1Event;
  return {
    metadata: e.metadata ?? {},
    involvedObject: e.regarding ?? {},
    reason: e.reason,
    message: e.note,
    source: e.deprecatedSource,
    firstTimestamp: e.deprecatedFirstTimestamp,
    lastTimestamp: e.deprecatedLastTimestamp,
    count: e.deprecatedCount,
    type: e.type,
    eventTime: e.eventTime,
    series: e.series ? { count: e.series.count, lastObservedTime: e.series.lastObservedTime } : undefined,
    action: e.action,
    related: e.related,
    reportingComponent: e.reportingController,
    reportingInstance: e.reportingInstance,
  };
}

/** formatEventSource: component (or reporting controller), then `, host` (or reporting instance) when known. */
function eventSource(e: CoreEvent): string {
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

/** The cells of printEvent in wide order (LAST SEEN ... NAME). */
function eventCells(e: CoreEvent, now: Date): Array<string | number> {
  const firstSeen = parseTimestamp(e.firstTimestamp) === undefined
    ? translateTimestampSince(e.eventTime, now)
    : translateTimestampSince(e.firstTimestamp, now);
  let lastSeen = parseTimestamp(e.lastTimestamp) === undefined ? firstSeen : translateTimestampSince(e.lastTimestamp, now);
  let count = e.count ?? 0;
  if (e.series) {
    lastSeen = translateTimestampSince(e.series.lastObservedTime, now);
    count = e.series.count ?? 0;
  } else if (count === 0) {
    // Singleton events of the new API carry no count.
    count = 1;
  }
  const kind = (e.involvedObject?.kind ?? '').toLowerCase();
  const name = e.involvedObject?.name ?? '';
  return [
    lastSeen,
    e.type ?? '',
    e.reason ?? '',
    name ? `${kind}/${name}` : kind,
    e.involvedObject?.fieldPath ?? '',
    eventSource(e),
    (e.message ?? '').trim(),
    firstSeen,
    count,
    e.metadata?.name ?? '',
  ];
}

const EVENT_COLUMNS = [
  column('Last Seen', 'string', 'The time at which the most recent occurrence of this event was recorded.'),
  column('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future'),
  column('Reason', 'string', "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
  column('Object', 'string', 'The object that this event is about.'),
  wide('Subobject', 'string', 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].'),
  wide('Source', 'string', 'The component reporting this event.'),
  column('Message', 'string', 'A human-readable description of the status of this operation.'),
  wide('First Seen', 'string', 'The time at which the event was first recorded.'),
  wide('Count', 'string', 'The number of times this event has occurred.'),
  { name: 'Name', type: 'string' as const, format: 'name', description: NAME_DESCRIPTION, priority: 1 },
];

/** core/v1 Event. */
export const eventPrinter: KindPrinter = {
  columns: EVENT_COLUMNS,
  printRow(obj, now) {
    return eventCells(obj as unknown as CoreEvent, now);
  },
};

/** events.k8s.io/v1 Event: same table, after conversion to the core shape. */
export const eventsV1EventPrinter: KindPrinter = {
  columns: EVENT_COLUMNS,
  printRow(obj, now) {
    return eventCells(eventsV1ToCore(obj), now);
  },
};
