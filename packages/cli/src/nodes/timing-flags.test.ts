import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { demoTimings } from '@mk/api';
import { formatCliError } from '../error-boundary';
import { addTimingFlags, componentTimings, parseTimingValue, TIMING_FLAGS, timingHelp, timingsFromFlags } from './timing-flags';

function parse(args: string[], components?: Parameters<typeof addTimingFlags>[1]) {
  const cmd = new Command('up').exitOverride();
  addTimingFlags(cmd, components);
  cmd.parse(args, { from: 'user' });
  return cmd.opts();
}

describe('timing flags', () => {
  it('has one flag per timing, with the Kubernetes default and the demo value in its help', () => {
    expect(Object.keys(TIMING_FLAGS)).toHaveLength(Object.keys(demoTimings).length);
    expect(timingHelp('nodeMonitorGracePeriodMs')).toBe(
      'How long a node may miss heartbeats before it is marked NotReady (Ready=Unknown) and tainted. A duration such as 40s or 1m30s. Kubernetes default: 40s; demo profile: 8s.',
    );
    expect(timingHelp('defaultTolerationSeconds')).toMatch(/Whole seconds\. Kubernetes default: 300; demo profile: 15\.$/);
    expect(timingHelp('podInitialBackoffMs')).toMatch(/Kubernetes default: 1; demo profile: 1\.$/);
  });

  it('reads Go durations, and whole seconds for -seconds flags', () => {
    const opts = parse(['--node-monitor-grace-period', '1m30s', '--default-toleration-seconds', '5', '--pod-max-backoff-seconds', '2', '--node-lease-renew-interval', '500ms']);
    expect(timingsFromFlags(opts)).toEqual({ nodeMonitorGracePeriodMs: 90_000, defaultTolerationSeconds: 5, podMaxBackoffMs: 2000, leaseRenewIntervalMs: 500 });
    expect(parseTimingValue('defaultTolerationSeconds', '2m')).toBe(120);
  });

  it('rejects values with pflag-style messages', () => {
    const msg = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return formatCliError(e).message;
      }
    };
    expect(msg(() => parseTimingValue('nodeMonitorGracePeriodMs', 'soon'))).toBe('error: invalid argument "soon" for "--node-monitor-grace-period" flag: time: invalid duration "soon"\n');
    expect(msg(() => parseTimingValue('defaultTolerationSeconds', '1500ms'))).toBe('error: invalid argument "1500ms" for "--default-toleration-seconds" flag: must be a whole number of seconds\n');
    expect(msg(() => parseTimingValue('leaseRenewIntervalMs', '-1s'))).toBe('error: invalid argument "-1s" for "--node-lease-renew-interval" flag: must not be negative\n');
  });

  it("gives a component only its own flags, over its profile's timings", () => {
    expect(() => parse(['--node-monitor-period', '1s'], ['scheduler'])).toThrow();
    const opts = parse(['--pod-initial-backoff-seconds', '3'], ['scheduler']);
    expect(componentTimings('demo', opts)).toEqual({ ...demoTimings, podInitialBackoffMs: 3000 });
    expect(() => componentTimings('turbo', {})).toThrow('unknown profile "turbo": use default or demo');
  });
});
