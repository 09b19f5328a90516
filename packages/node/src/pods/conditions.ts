/**
 * The pod conditions a kubelet owns, with upstream's reasons and messages:
 * PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled.
 */
import type { ContainerStatus, PodCondition, PodSpec } from 'kubernetes-types/core/v1';
import type { PodPhase } from './phase';

/** Conditions the kubelet writes; any other condition on the pod is kept as it is. */
export const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

type Condition = Pick<PodCondition, 'type' | 'status' | 'reason' | 'message'>;

/** Go's %s of a []string: `[a b]`. */
const goList = (names: string[]) => `[${names.join(' ')}]`;

function joinMessages(unknown: string[], bad: string[], badLabel: string): string {
  const parts: string[] = [];
  if (unknown.length > 0) parts.push(`containers with unknown status: ${goList(unknown)}`);
  if (bad.length > 0) parts.push(`containers with ${badLabel} status: ${goList(bad)}`);
  return parts.join(', ');
}

const find = (statuses: ContainerStatus[], name: string) => statuses.find((s) => s.name === name);

/** Initialized: every init container completed (or a container already ran). */
export function initializedCondition(spec: PodSpec, initStatuses: ContainerStatus[], statuses: ContainerStatus[], phase: PodPhase): Condition {
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of spec.initContainers ?? []) {
    const s = find(initStatuses, c.name);
    if (!s) unknown.push(c.name);
    else if (!s.state?.terminated || s.state.terminated.exitCode !== 0) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { type: 'Initialized', status: 'True', reason: 'PodCompleted' };
  // A regular container that ran means the pod was initialised before.
  if (statuses.some((s) => s.state?.running || s.state?.terminated)) return { type: 'Initialized', status: 'True' };
  const message = joinMessages(unknown, incomplete, 'incomplete');
  if (message) return { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message };
  return { type: 'Initialized', status: 'True' };
}

/** ContainersReady: every container is ready. */
export function containersReadyCondition(spec: PodSpec, statuses: ContainerStatus[], phase: PodPhase): Condition {
  const unknown: string[] = [];
  const unready: string[] = [];
  for (const c of spec.containers) {
    const s = find(statuses, c.name);
    if (!s) unknown.push(c.name);
    else if (!s.ready) unready.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' };
  if (phase === 'Failed') return { type: 'ContainersReady', status: 'False', reason: 'PodFailed' };
  const message = joinMessages(unknown, unready, 'unready');
  if (message) return { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message };
  return { type: 'ContainersReady', status: 'True' };
}

/** Ready: ContainersReady, then every readiness gate's condition must be True. */
export function readyCondition(spec: PodSpec, containersReady: Condition, conditions: PodCondition[]): Condition {
  if (containersReady.status !== 'True') return { ...containersReady, type: 'Ready' };
  const missing: string[] = [];
  const notTrue: string[] = [];
  for (const gate of spec.readinessGates ?? []) {
    const c = conditions.find((x) => x.type === gate.conditionType);
    if (!c) missing.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`);
    else if (c.status !== 'True') notTrue.push(`the status of pod readiness gate "${gate.conditionType}" is not "True", but ${c.status}`);
  }
  const messages = [...missing, ...notTrue];
  if (messages.length > 0) return { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: messages.join(', ') };
  return { type: 'Ready', status: 'True' };
}

/** Sets lastTransitionTime (kept while the status stays the same) and lastProbeTime as upstream writes them. */
export function stamp(condition: Condition, old: PodCondition[] | undefined, now: string): PodCondition {
  const before = old?.find((c) => c.type === condition.type);
  const lastTransitionTime = before && before.status === condition.status && before.lastTransitionTime ? before.lastTransitionTime : now;
  const out: PodCondition = { type: condition.type, status: condition.status, lastProbeTime: null as unknown as string, lastTransitionTime };
  if (condition.reason) out.reason = condition.reason;
  if (condition.message) out.message = condition.message;
  return out;
}
