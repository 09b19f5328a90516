/** How long a container that exits on its own runs, per its run effect and command. */
import type { RunEffect } from './profile';

const SLEEP = /\bsleep\s+(\d+(?:\.\d+)?)([smhd]?)\b/;
const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds of the first `sleep N` in the command line (GNU/busybox units s, m, h, d), if any. */
export function sleepMillis(commandLine: string[]): number | undefined {
  const m = SLEEP.exec(commandLine.join(' '));
  return m ? Math.round(Number(m[1]) * UNIT_MS[m[2]]) : undefined;
}

/** When a started container exits (ms after its start), or undefined when it runs until stopped. */
export function exitAfterMs(effect: RunEffect, commandLine: string[], extraDelayMs: number): number | undefined {
  if (effect === 'forever') return undefined;
  const slept = effect.honourSleep ? sleepMillis(commandLine) : undefined;
  // A script's own sleep is exact; the stage's delay and jitter apply to the default run time.
  return slept ?? effect.afterMs + extraDelayMs;
}
