/** Parsing /proc/<pid>/stat (pure): the fields the footprint figure reads, per proc(5). */

/** CPU times are in clock ticks (sysconf(_SC_CLK_TCK), `getconf CLK_TCK`). */
export interface ProcStat {
  pid: number;
  comm: string;
  ppid: number;
  /** User-mode time of the process itself. */
  utime: number;
  /** Kernel-mode time of the process itself. */
  stime: number;
  /** User-mode time of children it has waited for. */
  cutime: number;
  /** Kernel-mode time of children it has waited for. */
  cstime: number;
}

/**
 * Parses one stat line. `comm` is in parentheses and may itself hold spaces
 * and parentheses, so the fixed fields are counted from the LAST `)`.
 */
export function parseProcStat(line: string): ProcStat {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) throw new Error(`not a /proc/<pid>/stat line: ${JSON.stringify(line.slice(0, 80))}`);
  // After `) `: field 3 (state) is index 0, so proc(5)'s field n is index n - 3.
  const rest = line.slice(close + 2).trim().split(/\s+/);
  const field = (n: number): number => {
    const value = Number(rest[n - 3]);
    if (!Number.isInteger(value)) throw new Error(`/proc/<pid>/stat field ${n} is not an integer: ${JSON.stringify(rest[n - 3])}`);
    return value;
  };
  return {
    pid: Number(line.slice(0, open).trim()),
    comm: line.slice(open + 1, close),
    ppid: field(4),
    utime: field(14),
    stime: field(15),
    cutime: field(16),
    cstime: field(17),
  };
}

/** CPU ticks a process has used, its own and those of the children it has reaped. */
export function cpuTicks(stat: ProcStat): number {
  return stat.utime + stat.stime + stat.cutime + stat.cstime;
}
