/** The events a kubelet records about pods and their containers, with upstream's reasons and wording (v1.32). */

/** Go's time.Duration.String() for milliseconds: `0s`, `512ms`, `1.5s`, `2m3.25s`, `1h0m0s`. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = ((ms % 60_000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

/** `namespace/name` as the kubelet's format.Pod writes a pod: `name_namespace(uid)`. */
export function podDescription(name: string, namespace: string, uid: string): string {
  return `${name}_${namespace}(${uid})`;
}

/** Event builders, one per kind of kubelet event. */
export const kubeletEvents = {
  pulling: (image: string) => ({ type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"` }),
  pulled: (image: string, pullMs: number, totalMs: number, sizeBytes: number) => ({
    type: 'Normal',
    reason: 'Pulled',
    message: `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(totalMs)} including waiting). Image size: ${sizeBytes} bytes.`,
  }),
  alreadyPresent: (image: string) => ({ type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine` }),
  neverPull: (image: string) => ({ type: 'Warning', reason: 'ErrImageNeverPull', message: `Container image "${image}" is not present with pull policy of Never` }),
  pullFailed: (image: string, error: string) => ({ type: 'Warning', reason: 'Failed', message: `Failed to pull image "${image}": ${error}` }),
  pullBackOff: (image: string) => ({ type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image}"` }),
  /** `Error: ErrImagePull`, `Error: ImagePullBackOff`, `Error: <start error>`. */
  failed: (what: string) => ({ type: 'Warning', reason: 'Failed', message: `Error: ${what}` }),
  created: (container: string) => ({ type: 'Normal', reason: 'Created', message: `Created container ${container}` }),
  started: (container: string) => ({ type: 'Normal', reason: 'Started', message: `Started container ${container}` }),
  /** `Stopping container web`, or the kubelet's reason for stopping it when it has one. */
  killing: (container: string, message?: string) => ({ type: 'Normal', reason: 'Killing', message: message ?? `Stopping container ${container}` }),
  crashBackOff: (container: string, pod: string) => ({ type: 'Warning', reason: 'BackOff', message: `Back-off restarting failed container ${container} in pod ${pod}` }),
  sandboxChanged: () => ({ type: 'Normal', reason: 'SandboxChanged', message: 'Pod sandbox changed, it will be killed and re-created.' }),
  sandboxFailed: (error: string) => ({ type: 'Warning', reason: 'FailedCreatePodSandBox', message: `Failed to create pod sandbox: ${error}` }),
} as const;

/** An event to record. */
export type KubeletEvent = { type: string; reason: string; message: string };

/** The waiting message of a container in CrashLoopBackOff. */
export function crashLoopMessage(backoffMs: number, container: string, pod: string): string {
  return `back-off ${goDuration(backoffMs)} restarting failed container=${container} pod=${pod}`;
}
