/** Golden timelines of the `fast` preset: everything at once, shell commands exit after 500 ms or their sleep. */
import { crashingPod, initPod, jobPod, loopPod, nginxPod, pullFailPod, shellStopPod, sleepPod } from './cases';
import { PULL_FAILED_NGINX_9_9, type GoldenCase } from './golden';

/** Expected timelines of the fast preset. */
export const fastGolden: GoldenCase[] = [
  {
    name: 'a server runs until stopped, and stops at once',
    pod: nginxPod,
    horizonMs: 60_000,
    stopAtMs: 10_000,
    timeline: [
      { at: 0, what: 'sandbox 10.244.0.2' },
      { at: 0, what: 'pulled nginx:1.27' },
      { at: 0, what: 'started nginx' },
      { at: 10_000, what: 'stop sandbox' },
      { at: 10_000, what: 'stopped nginx exitCode=0 reason=Completed' },
    ],
  },
  {
    name: 'a shell command exits 0 after 500 ms',
    pod: jobPod,
    horizonMs: 60_000,
    timeline: [
      { at: 0, what: 'sandbox 10.244.0.2' },
      { at: 0, what: 'pulled busybox' },
      { at: 0, what: 'started hello' },
      { at: 500, what: 'exited hello exitCode=0 reason=Completed' },
    ],
  },
  {
    name: 'sleep N runs N seconds',
    pod: sleepPod,
    horizonMs: 60_000,
    timeline: [
      { at: 0, what: 'sandbox 10.244.0.2' },
      { at: 0, what: 'pulled busybox:1.36' },
      { at: 0, what: 'started sleep' },
      { at: 5000, what: 'exited sleep exitCode=0 reason=Completed' },
    ],
  },
  {
    name: 'a shell loop never ends',
    pod: loopPod,
    horizonMs: 60_000,
    timeline: [
      { at: 0, what: 'sandbox 10.244.0.2' },
      { at: 0, what: 'pulled alpine' },
      { at: 0, what: 'started loop' },
    ],
  },
  {
    name: 'the container starts when the init container has completed',
    pod: initPod,
    horizonMs: 60_000,
    timeline: [
      { at: 0, what: 'sandbox 10.244.0.2' },
      { at: 0, what: 'pulled busybox' },
      { at: 0, what: 'started wait-db' },
      { at: 500, what: 'exited wait-db exitCode=0 reason=Completed' },
      { at: 500, what: 'pulled nginx' },
      { at: 500, what: 'started app' },
    ],
  },
  {
    name: 'sim.mk.io/exit-code and exit-after make a server crash',
    pod: crashingPod,
    horizonMs: 60_000,
    timeline: [
      { at: 0, what: 'sandbox 10.244.0.2' },
      { at: 0, what: 'pulled nginx' },
      { at: 0, what: 'started app' },
      { at: 2000, what: 'exited app exitCode=3 reason=Error' },
    ],
  },
  {
    name: 'sim.mk.io/pull-fail fails the pull',
    pod: pullFailPod,
    horizonMs: 60_000,
    timeline: [
      { at: 0, what: 'sandbox 10.244.0.2' },
      { at: 0, what: PULL_FAILED_NGINX_9_9 },
    ],
  },
  {
    name: 'everything stops at once',
    pod: shellStopPod,
    horizonMs: 60_000,
    stopAtMs: 10_000,
    timeline: [
      { at: 0, what: 'sandbox 10.244.0.2' },
      { at: 0, what: 'pulled nginx' },
      { at: 0, what: 'started web' },
      { at: 0, what: 'pulled busybox' },
      { at: 0, what: 'started sh' },
      { at: 10_000, what: 'stop sandbox' },
      { at: 10_000, what: 'stopped web exitCode=0 reason=Completed' },
      { at: 10_000, what: 'stopped sh exitCode=0 reason=Completed' },
    ],
  },
];
