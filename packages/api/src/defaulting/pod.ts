/**
 * Pod defaults (SetDefaults_Pod on top of the pod spec defaults) and what a
 * Pod gets on create: the ServiceAccount, Priority and DefaultTolerationSeconds
 * admission plugins' mutations and the strategy's initial status.
 */
import type { AdmissionSettings, KObject } from '../registry/types';
import { defaultPodSpec } from './pod-spec';
import { podQOSClass } from './qos';
import { defaultPointer, isObject, objectAt, objectsIn, type JsonObject } from './set-default';

/** The built-in PriorityClasses every cluster has. */
const BUILTIN_PRIORITIES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

/** DefaultTolerationSeconds: how long pods stay on a not-ready or unreachable node. */
export const DEFAULT_TOLERATION_SECONDS = 300;

/** SetDefaults_Pod: requests default to limits, service links on, host-network ports mirrored. */
export function applyPodDefaults(pod: KObject): void {
  const spec = objectAt(pod, 'spec');
  defaultPodSpec(spec);
  for (const c of [...objectsIn(spec, 'containers'), ...objectsIn(spec, 'initContainers')]) {
    const resources = isObject(c.resources) ? c.resources : undefined;
    if (!resources || !isObject(resources.limits)) continue;
    const requests = objectAt(resources, 'requests');
    for (const [k, v] of Object.entries(resources.limits)) if (!(k in requests)) requests[k] = v;
  }
  defaultPointer(spec, 'enableServiceLinks', true);
  if (spec.hostNetwork === true) {
    for (const c of [...objectsIn(spec, 'containers'), ...objectsIn(spec, 'initContainers')]) {
      for (const p of objectsIn(c, 'ports')) if (!p.hostPort) p.hostPort = p.containerPort;
    }
  }
}

/** The DefaultTolerationSeconds admission plugin: tolerate not-ready and unreachable nodes for 300 s unless the pod says otherwise. */
export function addDefaultTolerations(spec: JsonObject, seconds = DEFAULT_TOLERATION_SECONDS): void {
  const tolerations = objectsIn(spec, 'tolerations');
  const tolerates = (taintKey: string) =>
    tolerations.some((t) => (t.key === taintKey || !t.key) && (t.effect === 'NoExecute' || !t.effect));
  const added: JsonObject[] = [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerates(key)) added.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds });
  }
  if (added.length > 0) spec.tolerations = [...(Array.isArray(spec.tolerations) ? spec.tolerations : []), ...added];
}

function isMirrorPod(pod: KObject): boolean {
  return pod.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined;
}

/** Pod create: defaults, admission mutations, then status {phase: Pending, qosClass}. */
export function preparePodForCreate(pod: KObject, _now?: Date, settings?: AdmissionSettings): void {
  applyPodDefaults(pod);
  const spec = objectAt(pod, 'spec');
  if (!isMirrorPod(pod) && !spec.serviceAccountName) {
    spec.serviceAccountName = 'default';
    spec.serviceAccount = 'default';
  }
  const className = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : '';
  if (!className || className in BUILTIN_PRIORITIES) {
    defaultPointer(spec, 'priority', className ? BUILTIN_PRIORITIES[className] : 0);
    defaultPointer(spec, 'preemptionPolicy', 'PreemptLowerPriority');
  }
  addDefaultTolerations(spec, settings?.defaultTolerationSeconds);
  const status: JsonObject = { phase: 'Pending', qosClass: podQOSClass(spec) };
  if (objectsIn(spec, 'schedulingGates').length > 0) {
    status.conditions = [
      { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: null, reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' },
    ];
  }
  pod.status = status;
}

/** Pod update: DefaultTolerationSeconds also runs on updates. */
export function preparePodForUpdate(pod: KObject, _old?: KObject, settings?: AdmissionSettings): void {
  addDefaultTolerations(objectAt(pod, 'spec'), settings?.defaultTolerationSeconds);
}
