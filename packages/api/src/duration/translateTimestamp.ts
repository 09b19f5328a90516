/**
 * Timestamps (metav1.Time / MicroTime, RFC 3339 strings) turned into AGE-like
 * cells, as the printers' translateTimestampSince does.
 */
import { humanDuration } from './humanDuration';

/** Go's zero time.Time (0001-01-01T00:00:00Z), which metav1.Time treats as unset. */
const GO_ZERO_TIME_MS = Date.parse('0001-01-01T00:00:00Z');

/** Milliseconds since the epoch, or undefined when the timestamp is unset, zero or unparsable. */
export function parseTimestamp(ts: string | null | undefined): number | undefined {
  if (!ts) return undefined;
  const ms = Date.parse(ts);
  if (Number.isNaN(ms) || ms === GO_ZERO_TIME_MS) return undefined;
  return ms;
}

/** `<unknown>` for an unset timestamp, otherwise humanDuration(now - ts) (`<invalid>` when more than 1s in the future). */
export function translateTimestampSince(ts: string | null | undefined, now: Date): string {
  const ms = parseTimestamp(ts);
  if (ms === undefined) return '<unknown>';
  return humanDuration(now.getTime() - ms);
}

/** humanDuration(end - start) for two set timestamps; undefined when either is unset. */
export function humanDurationBetween(start: string | null | undefined, end: string | null | undefined): string | undefined {
  const a = parseTimestamp(start);
  const b = parseTimestamp(end);
  if (a === undefined || b === undefined) return undefined;
  return humanDuration(b - a);
}
