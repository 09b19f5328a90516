/**
 * The READY, STATUS and RESTARTS cells of `kubectl get pods` (printPod in
 * upstream printers.go): init containers, sidecars (restartable init
 * containers), container waiting/terminated reasons, Completed-but-running,
 * Terminating and NodeLost.
 */
import type { Container, ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { humanDuration, parseTimestamp } from '../duration';

export interface PodSummary {
  /** `ready/total`, e.g. `1/2`. */
  ready: string;
  /** e.g. `Running`, `Init:0/1`, `CrashLoopBackOff`, `Completed`, `Terminating`. */
  status: string;
  /** e.g. `0`, `3 (2m ago)`. */
  restarts: string;
}

/** The pod reason the node lifecycle controller sets when a node stops responding. */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

function isRestartable(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

/** Latest lastState.terminated.finishedAt seen so far (ms), as upstream's lastRestartDate. */
function laterRestart(current: number | undefined, status: ContainerStatus): number | undefined {
  const finished = parseTimestamp(status.lastState?.terminated?.finishedAt);
  if (finished === undefined) return current;
  return current === undefined || finished > current ? finished : current;
}

function conditionIsTrue(pod: Pod, type: string): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

/** isPodInitializedConditionTrue: the first Initialized condition decides. */
function initializedConditionTrue(pod: Pod): boolean {
  const cond = (pod.status?.conditions ?? []).find((c) => c.type === 'Initialized');
  return cond?.status === 'True';
}

function exitReason(prefix: string, terminated: { reason?: string; signal?: number; exitCode?: number }): string {
  if (terminated.reason) return prefix + terminated.reason;
  if (terminated.signal) return `${prefix}Signal:${terminated.signal}`;
  return `${prefix}ExitCode:${terminated.exitCode ?? 0}`;
}

/** Derives READY, STATUS and RESTARTS for one pod; `now` dates the last restart. */
export function summarizePod(pod: Pod, now: Date): PodSummary {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const phase = status.phase ?? '';
  let reason = status.reason || phase;
  if ((status.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) {
    reason = 'SchedulingGated';
  }

  const initContainers = new Map((spec?.initContainers ?? []).map((c) => [c.name, c]));
  let total = spec?.containers?.length ?? 0;
  for (const c of spec?.initContainers ?? []) if (isRestartable(c)) total++;

  let ready = 0;
  let restarts = 0;
  let lastRestart: number | undefined;
  let sidecarRestarts = 0;
  let lastSidecarRestart: number | undefined;
  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    const sidecar = isRestartable(initContainers.get(c.name));
    restarts += c.restartCount ?? 0;
    lastRestart = laterRestart(lastRestart, c);
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestart = laterRestart(lastSidecarRestart, c);
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready) ready++;
      continue;
    }
    initializing = true;
    if (terminated) reason = exitReason('Init:', terminated);
    else if (waiting?.reason && waiting.reason !== 'PodInitializing') reason = `Init:${waiting.reason}`;
    else reason = `Init:${i}/${spec?.initContainers?.length ?? 0}`;
    break;
  }

  if (!initializing || initializedConditionTrue(pod)) {
    // Restarts of finished init containers do not count once the pod runs; sidecars' do.
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      lastRestart = laterRestart(lastRestart, c);
      const terminated = c.state?.terminated;
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (terminated) reason = exitReason('', terminated);
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = conditionIsTrue(pod, 'Ready') ? 'Running' : 'NotReady';
  }

  if (pod.metadata?.deletionTimestamp && status.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded') reason = 'Terminating';

  let restartsText = `${restarts}`;
  if (restarts !== 0 && lastRestart !== undefined) {
    restartsText = `${restarts} (${humanDuration(now.getTime() - lastRestart)} ago)`;
  }
  return { ready: `${ready}/${total}`, status: reason, restarts: restartsText };
}
