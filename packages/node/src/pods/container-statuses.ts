/**
 * API container statuses from what the runtime reported, as the kubelet's
 * convertToAPIContainerStatuses: the newest instance gives the state, the one
 * before it lastState; a container the last sync could not (re)start shows
 * the reason it is waiting (ErrImagePull, CrashLoopBackOff, …).
 */
import type { ContainerState, ContainerStatus as ApiContainerStatus, VolumeMountStatus } from 'kubernetes-types/core/v1';
import type { ContainerStatus } from '../runtime/types';
import type { ContainerRecord, ContainerSpecView, WaitingReason } from './types';

/** RFC 3339 with whole seconds, as metav1.Time is written. */
export function apiTime(iso: string | undefined): string {
  return iso ? new Date(iso).toISOString().replace(/\.\d+Z$/, 'Z') : (null as unknown as string);
}

/** The API state of one runtime container instance. */
export function containerStateOf(status: ContainerStatus, runtimeName: string): ContainerState {
  if (status.state === 'running') return { running: { startedAt: apiTime(status.startedAt) } };
  if (status.state === 'exited') {
    const terminated: ContainerState['terminated'] = { exitCode: status.exitCode ?? 0, reason: status.reason ?? (status.exitCode ? 'Error' : 'Completed') };
    if (status.message) terminated.message = status.message;
    terminated.startedAt = apiTime(status.startedAt);
    terminated.finishedAt = apiTime(status.finishedAt);
    terminated.containerID = `${runtimeName}://${status.id}`;
    return { terminated };
  }
  // Created but never started (or unknown): the kubelet shows it waiting to be (re)started.
  return { waiting: { reason: 'ContainerCreating' } };
}

/** Whether the kubelet would start this container again (ShouldContainerBeRestarted). */
export function shouldRestart(record: ContainerRecord, restartPolicy: string, deleting: boolean): boolean {
  if (deleting) return false;
  const s = record.current?.status;
  if (!s) return true;
  if (s.state === 'running') return false;
  if (s.state !== 'exited') return true;
  // Init containers are re-run only when they failed (and the policy allows it).
  const policy = record.init && restartPolicy === 'Always' ? 'OnFailure' : restartPolicy;
  if (policy === 'Never') return false;
  if (policy === 'OnFailure') return s.exitCode !== 0;
  return true;
}

function volumeMounts(spec: ContainerSpecView): VolumeMountStatus[] | undefined {
  if (!spec.volumeMounts?.length) return undefined;
  return spec.volumeMounts.map((m) => {
    const v: VolumeMountStatus = { name: m.name, mountPath: m.mountPath };
    if (m.readOnly) {
      v.readOnly = true;
      v.recursiveReadOnly = m.recursiveReadOnly === 'Enabled' ? 'Enabled' : 'Disabled';
    }
    return v;
  });
}

/** What one container's status is computed from. */
export interface ContainerStatusInput {
  spec: ContainerSpecView;
  record: ContainerRecord;
  waiting?: WaitingReason;
  /** ContainerCreating, or PodInitializing when the pod has init containers. */
  defaultReason: string;
  restartPolicy: string;
  deleting: boolean;
  runtimeName: string;
  /** The readiness and startup probes' verdicts for the current instance (true when the container has none). */
  probes: { ready: boolean; started: boolean };
}

/** One entry of containerStatuses or initContainerStatuses. */
export function apiContainerStatus(input: ContainerStatusInput): ApiContainerStatus {
  const { spec, record, runtimeName } = input;
  const current = record.current?.status;
  let state: ContainerState = current ? containerStateOf(current, runtimeName) : { waiting: { reason: input.defaultReason } };
  let lastState: ContainerState = record.previous ? containerStateOf(record.previous.status, runtimeName) : {};
  const skipWaiting = record.init && current?.state === 'exited' && current.exitCode === 0;
  if (input.waiting && !skipWaiting && shouldRestart(record, input.restartPolicy, input.deleting)) {
    if (state.terminated) lastState = state;
    state = { waiting: input.waiting.message ? { reason: input.waiting.reason, message: input.waiting.message } : { reason: input.waiting.reason } };
  }
  const running = !!state.running;
  // An init container is ready once it completed; a container while it runs and its readiness probe agrees.
  const ready = record.init ? state.terminated?.exitCode === 0 : running && input.probes.ready;
  const status: ApiContainerStatus = {
    name: spec.name,
    state,
    lastState,
    ready,
    restartCount: record.restartCount,
    image: current?.image ?? spec.image,
    imageID: current?.imageID ?? '',
  };
  if (current) status.containerID = `${runtimeName}://${current.id}`;
  status.started = running && input.probes.started;
  const mounts = current ? volumeMounts(spec) : undefined;
  if (mounts) status.volumeMounts = mounts;
  return status;
}
