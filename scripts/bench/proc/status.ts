/** Parsing /proc/<pid>/status (pure): resident memory now and at its peak. */

/** Sizes in KiB (the kernel prints them as "kB", meaning 1024 bytes). */
export interface ProcMemory {
  /** VmRSS: resident set size now. */
  rssKiB: number;
  /** VmHWM: the peak resident set size ("high water mark"). */
  hwmKiB: number;
}

function kib(status: string, key: string): number {
  const m = new RegExp(`^${key}:\\s*(\\d+)\\s*kB\\s*$`, 'm').exec(status);
  if (!m) throw new Error(`/proc/<pid>/status has no ${key} line (a kernel thread or a zombie has none)`);
  return Number(m[1]);
}

/** Reads VmRSS and VmHWM from the text of /proc/<pid>/status. */
export function parseProcMemory(status: string): ProcMemory {
  return { rssKiB: kib(status, 'VmRSS'), hwmKiB: kib(status, 'VmHWM') };
}

/** KiB → MB, where MB means 2^20 bytes as top and ps print it. */
export function kibToMB(kib: number): number {
  return kib / 1024;
}
