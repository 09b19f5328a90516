import { describe, expect, it } from 'vitest';
import { cpuTicks, parseProcStat } from './stat';

// A real line from /proc/<pid>/stat of a node process (52 fields).
const nodeLine =
  '4242 (node) S 4200 4242 4200 0 -1 4194560 28411 130 0 0 731 93 12 5 20 0 11 0 2008466 1124597760 24310 18446744073709551615 1 1 0 0 0 0 0 4096 134234626 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0';

describe('parseProcStat', () => {
  it('reads pid, comm, ppid and the four CPU times (fields 14–17)', () => {
    expect(parseProcStat(nodeLine)).toEqual({ pid: 4242, comm: 'node', ppid: 4200, utime: 731, stime: 93, cutime: 12, cstime: 5 });
  });

  it('counts fields from the last parenthesis, so a comm with spaces and ")" does not shift them', () => {
    const odd = nodeLine.replace('(node)', '(we ird) (x)');
    expect(parseProcStat(odd)).toMatchObject({ comm: 'we ird) (x', ppid: 4200, utime: 731, stime: 93 });
  });

  it('refuses a line that is not a stat line', () => {
    expect(() => parseProcStat('Name:\tnode')).toThrow('not a /proc/<pid>/stat line');
  });

  it('refuses a truncated line instead of returning NaN times', () => {
    expect(() => parseProcStat('4242 (node) S 4200 4242')).toThrow('field 14');
  });
});

describe('cpuTicks', () => {
  it('adds the process own times and its reaped children', () => {
    expect(cpuTicks(parseProcStat(nodeLine))).toBe(731 + 93 + 12 + 5);
  });
});
