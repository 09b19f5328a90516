/** A process and its descendants among a snapshot of /proc (pure). */
import { cpuTicks, type ProcStat } from './stat';

/** The stats of `root` and every live descendant found in `all` (by ppid links); empty if root is absent. */
export function processTree(all: readonly ProcStat[], root: number): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const self = all.find((s) => s.pid === root);
  if (!self) return [];
  const tree: ProcStat[] = [];
  const pending = [self];
  while (pending.length > 0) {
    const s = pending.pop()!;
    tree.push(s);
    pending.push(...(children.get(s.pid) ?? []));
  }
  return tree;
}

/**
 * CPU ticks of a process tree: each member's own time plus the children it
 * has reaped, so a child that ran and exited still counts through its parent.
 */
export function treeCpuTicks(tree: readonly ProcStat[]): number {
  return tree.reduce((sum, s) => sum + cpuTicks(s), 0);
}
