/** CPU use over a sampling window as a percentage of one core (pure). */

/**
 * `ticks` of CPU time (user + system, in units of 1/`ticksPerSecond` s) used
 * during `wallSeconds` of wall time, as % of one core: 100 means one core busy
 * the whole window.
 */
export function cpuPercentOfOneCore(ticks: number, ticksPerSecond: number, wallSeconds: number): number {
  if (!(wallSeconds > 0)) throw new Error(`a CPU share needs a positive window, got ${wallSeconds} s`);
  if (ticks < 0) throw new Error(`CPU time went backwards (${ticks} ticks): was the process replaced?`);
  return ((ticks / ticksPerSecond) / wallSeconds) * 100;
}
