/** Whether a daemon process is alive, ignoring zombies (a stopped daemon whose parent has not reaped it yet). */
import { readFileSync } from 'node:fs';
import { isProcessAlive } from '@mk/client';

/** isDaemonAlive is true for a live, non-zombie process. */
export function isDaemonAlive(pid: number): boolean {
  return isProcessAlive(pid) && !isZombie(pid);
}

function isZombie(pid: number): boolean {
  try {
    // /proc/<pid>/stat: "pid (comm) S ..."; comm may contain spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false; // no /proc (macOS): trust kill(pid, 0)
  }
}
