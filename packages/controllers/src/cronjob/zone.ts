/**
 * Time zones as Go's time package sees them, built on the runtime's IANA
 * database (Intl): loading a zone by name (time.LoadLocation), reading the
 * wall clock of an instant, and finding the instants a wall-clock time names
 * (none inside a spring-forward gap, two inside a fall-back overlap).
 *
 * Wall-clock times are "naive" milliseconds: the epoch milliseconds of the
 * same calendar fields read as UTC, so calendar arithmetic on them never
 * meets a DST transition.
 */

export const UTC = 'UTC';

const DAY_MS = 24 * 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * time.LoadLocation: the zone's name for the other functions here, or Go's
 * error. "" and "UTC" are UTC; "Local" is the controller's local zone, which
 * for mk (as for kube-controller-manager in its container) is UTC. Go reads
 * zoneinfo files, so names are case-sensitive, while Intl is not: a name that
 * Intl only accepts in another case is unknown, as it is to Go.
 */
export function loadLocation(name: string): { zone: string } | { error: string } {
  if (name === '' || name === 'UTC' || name === 'Local') return { zone: UTC };
  if (name.includes('..') || name.startsWith('/') || name.startsWith('\\')) return { error: 'time: invalid location name' };
  let resolved: string;
  try {
    resolved = formatter(name).resolvedOptions().timeZone;
  } catch {
    return { error: `unknown time zone ${name}` };
  }
  if (resolved !== name && resolved.toLowerCase() === name.toLowerCase()) return { error: `unknown time zone ${name}` };
  return { zone: name };
}

/** The wall clock of instant `ms` in zone, as naive milliseconds (whole seconds). */
export function wallClock(ms: number, zone: string): number {
  if (zone === UTC) return Math.floor(ms / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The zone's UTC offset at instant `ms`, in milliseconds (east positive). */
export function offsetAt(ms: number, zone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallClock(whole, zone) - whole;
}

/**
 * The instants whose wall clock in zone reads `naive`, earliest first: one
 * normally, none in a spring-forward gap, two in a fall-back overlap. The
 * offsets in force a day either side cover any one transition.
 */
export function instantsOfWallTime(naive: number, zone: string): number[] {
  if (zone === UTC) return [naive];
  const offsets = new Set([offsetAt(naive - DAY_MS, zone), offsetAt(naive, zone), offsetAt(naive + DAY_MS, zone)]);
  const instants = new Set<number>();
  for (const offset of offsets) {
    const candidate = naive - offset;
    if (wallClock(candidate, zone) === naive) instants.add(candidate);
  }
  return [...instants].sort((a, b) => a - b);
}

/** A change of the zone's UTC offset: the first instant of the new offset, and the offsets either side. */
export interface Transition {
  at: number;
  before: number;
  after: number;
}

/**
 * The offset change between instants `fromMs` and `toMs`, if any, found by
 * bisection to the second; the window must be short enough to hold at most
 * one (transitions are months apart).
 */
export function transitionBetween(fromMs: number, toMs: number, zone: string): Transition | undefined {
  if (zone === UTC) return undefined;
  const before = offsetAt(fromMs, zone);
  const after = offsetAt(toMs, zone);
  if (before === after) return undefined;
  let lo = Math.floor(fromMs / 1000) * 1000;
  let hi = Math.floor(toMs / 1000) * 1000;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (offsetAt(mid, zone) === before) lo = mid;
    else hi = mid;
  }
  return { at: hi, before, after };
}

/** Go's time.RFC3339 of instant `ms` read in zone: `2026-01-01T09:00:00+09:00`, `Z` for a zero offset. */
export function rfc3339InZone(ms: number, zone: string): string {
  const whole = Math.floor(ms / 1000) * 1000;
  const wall = wallClock(whole, zone);
  const offsetMinutes = Math.trunc((wall - whole) / 60_000);
  const local = new Date(wall).toISOString().slice(0, 19);
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
