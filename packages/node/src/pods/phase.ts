/**
 * The pod phase from its container statuses, as the kubelet's getPhase:
 * Pending until every container has started, Running while one runs (or all
 * restart), Succeeded/Failed when all have stopped for good.
 */
import type { ContainerStatus, PodSpec } from 'kubernetes-types/core/v1';

/** The phases a kubelet reports. */
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

const byName = (statuses: ContainerStatus[], name: string) => statuses.find((s) => s.name === name);

/** `terminal`: the pod will not run again (deleted and stopped), so stopped containers decide Succeeded or Failed. */
export function podPhase(spec: PodSpec, initStatuses: ContainerStatus[], statuses: ContainerStatus[], terminal: boolean): PodPhase {
  let pendingInit = 0;
  let failedInit = 0;
  for (const c of spec.initContainers ?? []) {
    const s = byName(initStatuses, c.name);
    if (!s || s.state?.running) pendingInit++;
    else if (s.state?.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInit++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) {
        if (s.lastState.terminated.exitCode !== 0) failedInit++;
      } else pendingInit++;
    } else pendingInit++;
  }
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of spec.containers) {
    const s = byName(statuses, c.name);
    if (!s) unknown++;
    else if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }
  const restartPolicy = spec.restartPolicy ?? 'Always';
  if (failedInit > 0 && restartPolicy === 'Never') return 'Failed';
  if (pendingInit > 0 || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (terminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}
