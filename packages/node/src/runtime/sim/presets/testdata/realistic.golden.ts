/**
 * Golden timelines of the `realistic` preset under seededRandom(42): pulls in
 * [500, 2000) ms, starts in [100, 300) ms, shell commands exit after [1000,
 * 1500) ms or their exact sleep, shells ignore SIGTERM and die at the grace period.
 */
import { crashingPod, initPod, jobPod, loopPod, nginxPod, pullFailPod, shellStopPod, sleepPod } from './cases';
import { PULL_FAILED_NGINX_9_9, type GoldenCase } from './golden';

/** Expected timelines of the realistic preset. */
export const realisticGolden: GoldenCase[] = [
  {
    name: 'a server pulls, starts, and stops 200 ms after SIGTERM',
    pod: nginxPod,
    horizonMs: 60_000,
    stopAtMs: 10_000,
    timeline: [
      { at: 0, what: 'sandbox 10.244.0.2' },
      { at: 1401, what: 'pulled nginx:1.27' },
      { at: 1590, what: 'started nginx' },
      { at: 10_000, what: 'stop sandbox' },
      { at: 10_200, what: 'stopped nginx exitCode=0 reason=Completed' },
    ],
  },
  {
    name: 'a shell command exits after about a second',
    pod: jobPod,
    horizonMs: 60_000,
    timeline: [
      { at: 0, what: 'sandbox 10.244.0.2' },
      { at: 1401, what: 'pulled busybox' },
      { at: 1590, what: 'started hello' },
      { at: 3016, what: 'exited hello exitCode=0 reason=Completed' },
    ],
  },
  {
    name: 'sleep N runs exactly N seconds',
    pod: sleepPod,
    horizonMs: 60_000,
    timeline: [
      { at: 0, what: 'sandbox 10.244.0.2' },
      { at: 1401, what: 'pulled busybox:1.36' },
      { at: 1590, what: 'started sleep' },
      { at: 6590, what: 'exited sleep exitCode=0 reason=Completed' },
    ],
  },
  {
    name: 'a shell loop never ends',
    pod: loopPod,
    horizonMs: 60_000,
    timeline: [
      { at: 0, what: 'sandbox 10.244.0.2' },
      { at: 1401, what: 'pulled alpine' },
      { at: 1590, what: 'started loop' },
    ],
  },
  {
    name: 'init container, then the container, each pulled and started in turn',
    pod: initPod,
    horizonMs: 60_000,
    timeline: [
      { at: 0, what: 'sandbox 10.244.0.2' },
      { at: 1401, what: 'pulled busybox' },
      { at: 1590, what: 'started wait-db' },
      { at: 3016, what: 'exited wait-db exitCode=0 reason=Completed' },
      { at: 4520, what: 'pulled nginx' },
      { at: 4654, what: 'started app' },
    ],
  },
  {
    name: 'exit-after counts from the start',
    pod: crashingPod,
    horizonMs: 60_000,
    timeline: [
      { at: 0, what: 'sandbox 10.244.0.2' },
      { at: 1401, what: 'pulled nginx' },
      { at: 1590, what: 'started app' },
      { at: 3590, what: 'exited app exitCode=3 reason=Error' },
    ],
  },
  {
    name: 'a failing pull takes as long as a pull',
    pod: pullFailPod,
    horizonMs: 60_000,
    timeline: [
      { at: 0, what: 'sandbox 10.244.0.2' },
      { at: 1401, what: PULL_FAILED_NGINX_9_9 },
    ],
  },
  {
    name: 'the shell ignores SIGTERM and is killed when the 30 s grace period ends',
    pod: shellStopPod,
    horizonMs: 60_000,
    stopAtMs: 10_000,
    timeline: [
      { at: 0, what: 'sandbox 10.244.0.2' },
      { at: 1401, what: 'pulled nginx' },
      { at: 1590, what: 'started web' },
      { at: 3368, what: 'pulled busybox' },
      { at: 3601, what: 'started sh' },
      { at: 10_000, what: 'stop sandbox' },
      { at: 10_200, what: 'stopped web exitCode=0 reason=Completed' },
      { at: 40_000, what: 'stopped sh exitCode=137 reason=Error' },
    ],
  },
];
