/**
 * One `mk up` flag per cluster timing (ClusterTimings), named after the
 * Kubernetes flag that sets it where one exists, with what it does, the
 * Kubernetes default and the demo profile's value in its help.
 */
import { Option, type Command } from 'commander';
import { defaultTimings, demoTimings, timingProfiles, type ClusterTimings } from '@mk/api';
import { parseGoDuration } from '@mk/client';
import { CliError } from '../context';
import { formatGoDuration } from './go-duration';

/** How a flag's value maps onto its timing: a duration in ms, or whole seconds. */
type Unit = 'ms' | 's';

/** The component a timing belongs to (`mk agent`, `mk scheduler` and `mk controller-manager` take only their own). */
export type TimingComponent = 'node' | 'controller-manager' | 'apiserver' | 'scheduler';

interface TimingFlag {
  flag: string;
  unit: Unit;
  component: TimingComponent;
  /** What the timing does. */
  help: string;
}

/** Every timing has exactly one flag (the `satisfies` makes a new timing without a flag a type error). */
export const TIMING_FLAGS = {
  leaseRenewIntervalMs: { flag: 'node-lease-renew-interval', unit: 'ms', component: 'node', help: 'How often each node renews its Lease, its heartbeat' },
  leaseDurationSeconds: { flag: 'node-lease-duration-seconds', unit: 's', component: 'node', help: "The leaseDurationSeconds a node writes into its Lease (kubelet's --node-lease-duration-seconds)" },
  nodeStatusUpdateFrequencyMs: { flag: 'node-status-update-frequency', unit: 'ms', component: 'node', help: 'How often each node computes its status and posts it if it changed' },
  nodeStatusReportFrequencyMs: { flag: 'node-status-report-frequency', unit: 'ms', component: 'node', help: 'How often a node posts its status even when nothing changed' },
  nodeMonitorPeriodMs: { flag: 'node-monitor-period', unit: 'ms', component: 'controller-manager', help: 'How often the node lifecycle controller checks the nodes' },
  nodeMonitorGracePeriodMs: { flag: 'node-monitor-grace-period', unit: 'ms', component: 'controller-manager', help: 'How long a node may miss heartbeats before it is marked NotReady (Ready=Unknown) and tainted' },
  defaultTolerationSeconds: {
    flag: 'default-toleration-seconds',
    unit: 's',
    component: 'apiserver',
    help: "How long pods stay on a NotReady or unreachable node before they are evicted (the API server's --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds)",
  },
  podInitialBackoffMs: { flag: 'pod-initial-backoff-seconds', unit: 'ms', component: 'scheduler', help: 'How long the scheduler first waits before retrying a pod that did not fit' },
  podMaxBackoffMs: { flag: 'pod-max-backoff-seconds', unit: 'ms', component: 'scheduler', help: 'The longest the scheduler waits before retrying a pod that did not fit' },
  containerBackoffInitialMs: { flag: 'container-backoff-initial', unit: 'ms', component: 'node', help: 'The first restart delay of a crashing container (CrashLoopBackOff)' },
  containerBackoffMaxMs: { flag: 'container-backoff-max', unit: 'ms', component: 'node', help: 'The longest restart delay of a crashing container' },
} satisfies Record<keyof ClusterTimings, TimingFlag>;

type TimingKey = keyof typeof TIMING_FLAGS;

/** A `-seconds` flag whose timing is in ms (kube-scheduler's backoffs). */
const secondsFlagInMs = (key: TimingKey): boolean => TIMING_FLAGS[key].flag.endsWith('-seconds') && TIMING_FLAGS[key].unit === 'ms';

function show(key: TimingKey, value: number): string {
  if (TIMING_FLAGS[key].unit === 's') return String(value);
  return secondsFlagInMs(key) ? String(value / 1000) : formatGoDuration(value);
}

/** The flag's help: what it does, the Kubernetes default, the demo profile's value. */
export function timingHelp(key: TimingKey): string {
  const f = TIMING_FLAGS[key];
  const form = f.flag.endsWith('-seconds') ? 'Whole seconds' : 'A duration such as 40s or 1m30s';
  return `${f.help}. ${form}. Kubernetes default: ${show(key, defaultTimings[key])}; demo profile: ${show(key, demoTimings[key])}.`;
}

const keysOf = (components?: TimingComponent[]): TimingKey[] =>
  (Object.keys(TIMING_FLAGS) as TimingKey[]).filter((k) => !components || components.includes(TIMING_FLAGS[k].component));

/** addTimingFlags declares the timing flags of `components` (default: all) on `cmd`. */
export function addTimingFlags(cmd: Command, components?: TimingComponent[]): void {
  for (const key of keysOf(components)) {
    const f: TimingFlag = TIMING_FLAGS[key];
    cmd.addOption(new Option(`--${f.flag} <${f.flag.endsWith('-seconds') ? 'seconds' : 'duration'}>`, timingHelp(key)));
  }
}

/** parseTimingValue converts one flag value into the timing's unit; `-seconds` flags also take a duration of whole seconds. */
export function parseTimingValue(key: TimingKey, value: string): number {
  const f = TIMING_FLAGS[key];
  const bad = (why: string): CliError => new CliError(`invalid argument ${JSON.stringify(value)} for "--${f.flag}" flag: ${why}`);
  let ms: number;
  if (/^\d+$/.test(value) && f.flag.endsWith('-seconds')) {
    ms = Number(value) * 1000;
  } else {
    try {
      ms = parseGoDuration(value);
    } catch (err) {
      throw bad((err as Error).message);
    }
  }
  if (ms < 0) throw bad('must not be negative');
  if (f.unit === 's') {
    if (ms % 1000 !== 0) throw bad('must be a whole number of seconds');
    return ms / 1000;
  }
  return ms;
}

const attributeName = (flag: string): string => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** timingsFromFlags returns the timings given on the command line (commander's parsed options). */
export function timingsFromFlags(opts: Record<string, unknown>): Partial<ClusterTimings> {
  const timings: Partial<ClusterTimings> = {};
  for (const key of keysOf()) {
    const value = opts[attributeName(TIMING_FLAGS[key].flag)];
    if (typeof value === 'string') timings[key] = parseTimingValue(key, value);
  }
  return timings;
}

/** componentTimings is a profile's timings with the timing flags given applied (for `mk agent`, `mk scheduler`, `mk controller-manager`). */
export function componentTimings(profile: string | undefined, opts: Record<string, unknown>): ClusterTimings {
  const name = profile ?? 'default';
  const base = timingProfiles[name];
  if (!base) throw new CliError(`unknown profile ${JSON.stringify(name)}: use default or demo`);
  return { ...base, ...timingsFromFlags(opts) };
}
