import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('defaults to 3 full runs that write the docs page', () => {
    expect(parseArgs([])).toEqual({ runs: 3, quick: false, write: true });
  });
  it('reads --runs in both spellings', () => {
    expect(parseArgs(['--runs', '5']).runs).toBe(5);
    expect(parseArgs(['--runs=2']).runs).toBe(2);
  });
  it('never writes the docs page for a quick run', () => {
    expect(parseArgs(['--quick'])).toEqual({ runs: 3, quick: true, write: false });
  });
  it('selects figures by part of their name without writing the page', () => {
    expect(parseArgs(['--only', 'deployment'])).toEqual({ runs: 3, quick: false, write: false, only: 'deployment' });
    expect(parseArgs(['--only=sched']).only).toBe('sched');
    expect(() => parseArgs(['--only'])).toThrow('--only wants part of a figure name');
  });
  it('rejects bad counts and unknown options', () => {
    expect(() => parseArgs(['--runs', '0'])).toThrow('positive integer');
    expect(() => parseArgs(['--fast'])).toThrow('unknown option --fast');
  });
});
