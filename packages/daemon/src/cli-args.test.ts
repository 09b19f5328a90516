import { describe, expect, it } from 'vitest';
import { parseDaemonArgs } from './cli-args';

describe('parseDaemonArgs', () => {
  it('defaults the name to mk and home to $MK_HOME or ~/.mk', () => {
    expect(parseDaemonArgs([], { MK_HOME: '/state' })).toEqual({ name: 'mk', home: '/state' });
    expect(parseDaemonArgs([], { HOME: '/home/u' })).toEqual({ name: 'mk', home: '/home/u/.mk' });
  });
  it('reads every flag', () => {
    expect(parseDaemonArgs(['--name', 'dev', '--home', '/h', '--port', '6443', '--host', '127.0.0.2'], {})).toEqual({ name: 'dev', home: '/h', port: 6443, host: '127.0.0.2' });
    expect(parseDaemonArgs(['--nodes', '5', '--runtime', 'sim', '--profile', 'demo'], { MK_HOME: '/h' })).toEqual({ name: 'mk', home: '/h', nodes: 5, runtime: 'sim', profile: 'demo' });
  });
  it('rejects bad ports and unknown flags', () => {
    expect(() => parseDaemonArgs(['--port', 'x'], {})).toThrow('invalid port "x"');
    expect(() => parseDaemonArgs(['--nodes', '2.5'], {})).toThrow('invalid node count "2.5"');
    expect(() => parseDaemonArgs(['--bogus'], {})).toThrow(/Unknown option '--bogus'/);
  });
});
