/** Go's time.RFC3339 layout in a given zone, as kubectl stamps `kubectl.kubernetes.io/restartedAt` with local time. */

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `2026-01-02T15:04:05+09:00`, or with `Z` when the zone is UTC; `offsetMinutes` is east of UTC. */
export function formatRFC3339(date: Date, offsetMinutes: number): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const day = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  if (offsetMinutes === 0) return `${day}T${time}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${day}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
