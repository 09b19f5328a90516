import { describe, expect, it } from 'vitest';
import { kibToMB, parseProcMemory } from './status';

const status = [
  'Name:\tnode',
  'VmPeak:\t 1182268 kB',
  'VmSize:\t 1098244 kB',
  'VmHWM:\t   97240 kB',
  'VmRSS:\t   81920 kB',
  'RssAnon:\t   40960 kB',
  'Threads:\t11',
].join('\n');

describe('parseProcMemory', () => {
  it('reads VmRSS and VmHWM, not the virtual sizes or the RSS breakdown', () => {
    expect(parseProcMemory(status)).toEqual({ rssKiB: 81920, hwmKiB: 97240 });
  });

  it('says so when the lines are missing (kernel threads and zombies have none)', () => {
    expect(() => parseProcMemory('Name:\tkthreadd\nState:\tS (sleeping)\n')).toThrow('no VmRSS');
  });
});

describe('kibToMB', () => {
  it('converts KiB to MB of 2^20 bytes', () => {
    expect(kibToMB(81920)).toBe(80);
  });
});
