import { describe, expect, it } from 'vitest';
import { cpuPercentOfOneCore } from './cpu';

describe('cpuPercentOfOneCore', () => {
  it('is the share of one core: 60 ticks at 100/s over 60 s is 1 %', () => {
    expect(cpuPercentOfOneCore(60, 100, 60)).toBeCloseTo(1, 10);
  });

  it('reaches 100 % for a core busy the whole window, and more with threads on two cores', () => {
    expect(cpuPercentOfOneCore(1000, 100, 10)).toBeCloseTo(100, 10);
    expect(cpuPercentOfOneCore(2000, 100, 10)).toBeCloseTo(200, 10);
  });

  it('refuses an empty window and CPU time going backwards', () => {
    expect(() => cpuPercentOfOneCore(1, 100, 0)).toThrow('positive window');
    expect(() => cpuPercentOfOneCore(-1, 100, 10)).toThrow('backwards');
  });
});
