/** The keys upstream's event correlator groups events by. */
import type { CoreEvent } from './types';

// Upstream joins with ""; a separator that cannot occur in names keeps distinct events from colliding.
const join = (parts: (string | undefined)[]) => parts.map((p) => p ?? '').join('\u0000');

/** Identical events: same source, object (and part of it), type, reason and message. */
export function eventKey(e: CoreEvent): string {
  const o = e.involvedObject;
  return join([e.source.component, e.source.host, o.kind, o.namespace, o.name, o.fieldPath, o.uid, o.apiVersion, e.type, e.reason, e.message]);
}

/** Events of one source about one object, for the spam filter. */
export function spamKey(e: CoreEvent): string {
  const o = e.involvedObject;
  return join([e.source.component, e.source.host, o.kind, o.namespace, o.name, o.uid, o.apiVersion]);
}

/** Similar events (differing only in message), for the aggregator: [group key, key within the group]. */
export function aggregateKeys(e: CoreEvent): [string, string] {
  const o = e.involvedObject;
  return [join([e.source.component, e.source.host, o.kind, o.namespace, o.name, o.uid, o.apiVersion, e.type, e.reason, e.reportingComponent, e.reportingInstance]), e.message];
}
