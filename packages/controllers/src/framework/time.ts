/**
 * Timestamps as the API writes them: metav1.Time has second precision
 * (conditions, taints' timeAdded), metav1.MicroTime microseconds (Lease
 * renewTime). Controllers compare instants, so parsing tolerates both.
 */

/** metav1.Time: RFC 3339 in UTC, whole seconds (`2026-01-01T00:00:00Z`). */
export function rfc3339(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** metav1.MicroTime: RFC 3339 in UTC with six fractional digits (`2026-01-01T00:00:00.000000Z`). */
export function rfc3339Micro(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Milliseconds since the epoch of an API timestamp; undefined when absent or unparsable. */
export function parseTime(value: string | undefined | null): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
