/** Input pods of the golden timelines, shared by the presets' golden files. */
import type { KObject } from '@mk/api';
import { simPod } from './drive';

/** A server that runs until stopped. */
export const nginxPod: KObject = simPod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] });

/** A Job-like pod: a shell command that exits. */
export const jobPod: KObject = simPod('pi', {
  restartPolicy: 'Never',
  containers: [{ name: 'hello', image: 'busybox', command: ['sh', '-c', 'echo hello'] }],
});

/** A shell that sleeps 5 s. */
export const sleepPod: KObject = simPod('sleeper', { containers: [{ name: 'sleep', image: 'busybox:1.36', command: ['sleep', '5'] }] });

/** A shell loop that never ends. */
export const loopPod: KObject = simPod('looper', {
  containers: [{ name: 'loop', image: 'alpine', command: ['sh', '-c', 'while true; do date; sleep 1; done'] }],
});

/** An init container before the container. */
export const initPod: KObject = simPod('with-init', {
  initContainers: [{ name: 'wait-db', image: 'busybox', command: ['sh', '-c', 'echo waiting for db'] }],
  containers: [{ name: 'app', image: 'nginx' }],
});

/** A server told by annotations to exit 3 after 2 s. */
export const crashingPod: KObject = simPod(
  'crasher',
  { containers: [{ name: 'app', image: 'nginx' }] },
  { annotations: { 'sim.mk.io/exit-code': '3', 'sim.mk.io/exit-after': '2s' } },
);

/** A pod whose image pull fails by annotation. */
export const pullFailPod: KObject = simPod(
  'bad-image',
  { containers: [{ name: 'app', image: 'nginx:9.9' }] },
  { annotations: { 'sim.mk.io/pull-fail': 'nginx' } },
);

/** A server and a shell, stopped together. */
export const shellStopPod: KObject = simPod('shell', {
  terminationGracePeriodSeconds: 30,
  containers: [
    { name: 'web', image: 'nginx' },
    { name: 'sh', image: 'busybox', command: ['sleep', '3600'] },
  ],
});
