/**
 * Human-readable durations exactly as apimachinery's pkg/util/duration prints
 * them (AGE columns, job DURATION, `kubectl events`). Inputs are milliseconds;
 * Go's integer divisions truncate toward zero, hence Math.trunc throughout.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * A skew of up to one second into the future still reads as "0s": clocks of
 * different machines disagree a little, and upstream tolerates it.
 */
function clockSkewResult(ms: number): string | undefined {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  return undefined;
}

/** `duration.HumanDuration`: ~2-3 significant figures, e.g. `119s`, `9m59s`, `7h59m`, `7d23h`, `7y364d`. */
export function humanDuration(ms: number): string {
  const skew = clockSkewResult(ms);
  if (skew !== undefined) return skew;
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const d = days % 365;
    return d === 0 ? `${years}y` : `${years}y${d}d`;
  }
  return `${years}y`;
}

/** `duration.ShortHumanDuration`: one unit only, e.g. `59s`, `59m`, `23h`, `364d`, `2y`. */
export function shortHumanDuration(ms: number): string {
  const skew = clockSkewResult(ms);
  if (skew !== undefined) return skew;
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(ms / HOUR / 24 / 365)}y`;
}
