/** Reading /proc for the footprint figure (I/O; the parsing is in proc-stat and proc-status). */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { parseProcStat, type ProcStat } from './stat';
import { parseProcMemory, type ProcMemory } from './status';

/** The stat of one process. */
export function readProcStat(pid: number): ProcStat {
  return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

/** Resident memory (now and peak) of one process. */
export function readProcMemory(pid: number): ProcMemory {
  return parseProcMemory(readFileSync(`/proc/${pid}/status`, 'utf8'));
}

/**
 * The stat of every process visible now. A process may exit between listing
 * /proc and reading its stat; such a process is simply not in the snapshot.
 */
export function readAllProcStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      stats.push(readProcStat(Number(entry)));
    } catch {
      // exited since readdir
    }
  }
  return stats;
}

/** Clock ticks per second, the unit of /proc CPU times (`getconf CLK_TCK`, 100 on Linux x86-64). */
export function clockTicksPerSecond(): number {
  const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  if (!Number.isInteger(ticks) || ticks <= 0) throw new Error(`getconf CLK_TCK printed no positive integer`);
  return ticks;
}
