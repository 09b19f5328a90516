/**
 * The status a kubelet reports for a pod (generateAPIPodStatus): phase,
 * conditions, container statuses, IPs and start time. Pure: everything it
 * needs is passed in.
 */
import type { KObject } from '@mk/api';
import type { ContainerStatus, PodCondition, PodSpec, PodStatus } from 'kubernetes-types/core/v1';
import { apiContainerStatus } from './container-statuses';
import { KUBELET_CONDITIONS, containersReadyCondition, initializedCondition, readyCondition, stamp } from './conditions';
import { podPhase, type PodPhase } from './phase';
import { specOf, type ContainerSpecView, type PodRecord, type WaitingReason } from './types';

/** What the status is computed from. */
export interface PodStatusInput {
  /** The pod as last seen from the API. */
  pod: Readonly<KObject>;
  record: PodRecord;
  /** Why containers of this pod are waiting, from the last sync (the kubelet's reasonCache). */
  waiting: ReadonlyMap<string, WaitingReason>;
  /** The status the agent last wrote, when newer than the pod's (the informer may lag behind). */
  lastWritten?: PodStatus;
  hostIP: string;
  runtimeName: string;
  now: Date;
  /** Readiness and startup probe verdicts per container name. */
  probes(containerName: string): { ready: boolean; started: boolean };
}

const TERMINAL: PodPhase[] = ['Succeeded', 'Failed'];

function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d+Z$/, 'Z');
}

/** The pod status the agent reports now. */
export function generatePodStatus(input: PodStatusInput): PodStatus {
  const { pod, record } = input;
  const old = (input.lastWritten ?? (pod.status as PodStatus | undefined) ?? {}) as PodStatus;
  const spec = specOf(pod);
  const restartPolicy = spec.restartPolicy ?? 'Always';
  const deleting = !!pod.metadata?.deletionTimestamp;
  const defaultReason = (spec.initContainers ?? []).length > 0 ? 'PodInitializing' : 'ContainerCreating';
  const convert = (c: ContainerSpecView): ContainerStatus =>
    apiContainerStatus({
      spec: c,
      record: record.containers.get(c.name) ?? { name: c.name, init: false, restartCount: 0 },
      waiting: input.waiting.get(c.name),
      defaultReason,
      restartPolicy,
      deleting: deleting || record.killed,
      runtimeName: input.runtimeName,
      probes: input.probes(c.name),
    });
  const initStatuses = (spec.initContainers ?? []).map(convert);
  const statuses = spec.containers.map(convert);

  const apiSpec = spec as unknown as PodSpec;
  let phase = podPhase(apiSpec, initStatuses, statuses, record.killed);
  if (record.killed && !TERMINAL.includes(phase)) phase = 'Failed';
  // A pod that reached a terminal phase never leaves it.
  if (TERMINAL.includes(old.phase as PodPhase)) phase = old.phase as PodPhase;

  const now = isoSeconds(input.now);
  const foreign = (old.conditions ?? []).filter((c) => !KUBELET_CONDITIONS.includes(c.type));
  const containersReady = containersReadyCondition(apiSpec, statuses, phase);
  const sandboxReady = !!record.sandbox?.ready && !record.killed;
  const owned = [
    { type: 'PodReadyToStartContainers', status: sandboxReady ? 'True' : 'False' },
    initializedCondition(apiSpec, initStatuses, statuses, phase),
    readyCondition(apiSpec, containersReady, foreign),
    containersReady,
    { type: 'PodScheduled', status: 'True' },
  ];
  const conditions: PodCondition[] = [...foreign, ...owned.map((c) => stamp(c, old.conditions, now))];

  const status: PodStatus = { phase, conditions };
  if (old.message) status.message = old.message;
  if (old.reason) status.reason = old.reason;
  if (old.nominatedNodeName) status.nominatedNodeName = old.nominatedNodeName;
  status.hostIP = input.hostIP;
  status.hostIPs = [{ ip: input.hostIP }];
  const podIP = spec.hostNetwork ? input.hostIP : record.sandbox?.podIP || old.podIP;
  if (podIP) {
    status.podIP = podIP;
    status.podIPs = [{ ip: podIP }];
  }
  const startTime = old.startTime ?? record.startTime;
  if (startTime) status.startTime = startTime;
  if (initStatuses.length > 0) status.initContainerStatuses = initStatuses;
  status.containerStatuses = statuses;
  if (old.qosClass) status.qosClass = old.qosClass;
  return status;
}
