import { describe, expect, it } from 'vitest';
import type { ProcStat } from './stat';
import { processTree, treeCpuTicks } from './tree';

const proc = (pid: number, ppid: number, utime = 0, cutime = 0): ProcStat => ({ pid, ppid, comm: 'p', utime, stime: 0, cutime, cstime: 0 });

describe('processTree', () => {
  const all = [proc(1, 0), proc(10, 1, 100, 7), proc(11, 10, 5), proc(12, 11, 2), proc(20, 1, 999)];

  it('holds the root and its descendants at any depth, not its siblings', () => {
    expect(processTree(all, 10).map((s) => s.pid).sort()).toEqual([10, 11, 12]);
  });

  it('is the root alone when it has no children', () => {
    expect(processTree(all, 20).map((s) => s.pid)).toEqual([20]);
  });

  it('is empty when the root is not running', () => {
    expect(processTree(all, 30)).toEqual([]);
  });
});

describe('treeCpuTicks', () => {
  it('sums own and reaped-children time over the tree', () => {
    expect(treeCpuTicks([proc(10, 1, 100, 7), proc(11, 10, 5)])).toBe(112);
  });
});
