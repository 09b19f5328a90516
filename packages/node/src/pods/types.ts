/**
 * What the agent knows about each pod on its node. A PodRecord is the
 * runtime's side of a pod (its sandbox and container instances) and survives
 * a power cycle, as containerd's records survive a reboot; the reasons and
 * back-offs a kubelet keeps in memory live in the session and do not.
 */
import type { KObject } from '@mk/api';
import type { ContainerStatus } from '../runtime/types';

/** One container instance the runtime created, and the sandbox it belongs to. */
export interface ContainerInstance {
  id: string;
  sandboxId: string;
  /** The image the spec named when the instance was created (a pod's only mutable container field). */
  specImage: string;
  status: ContainerStatus;
}

/** A container of the pod spec (init or regular) and its instances. */
export interface ContainerRecord {
  name: string;
  init: boolean;
  /** The newest instance: its state is the container's state. */
  current?: ContainerInstance;
  /** The instance before it: the container's lastState. */
  previous?: ContainerInstance;
  /** Instances created before the current one (the kubelet's restartCount). */
  restartCount: number;
}

/** The pod's current sandbox. */
export interface SandboxRecord {
  id: string;
  podIP: string;
  ready: boolean;
  /** How many sandboxes the pod had before this one; a new sandbox re-runs the init containers. */
  attempt: number;
}

/** Everything the agent keeps about one pod. */
export interface PodRecord {
  uid: string;
  /** namespace/name */
  key: string;
  /** The pod as last seen from the API. */
  pod: Readonly<KObject>;
  sandbox?: SandboxRecord;
  containers: Map<string, ContainerRecord>;
  /** RFC 3339, set when the agent first handled the pod. */
  startTime?: string;
  /** Containers were stopped because the pod is being deleted or has finished. */
  killed: boolean;
  /** The pod object is gone from the API (or the agent deleted it); only cleanup is left. */
  removed: boolean;
}

/** A container's waiting reason that the last sync left, as the kubelet's reasonCache. */
export interface WaitingReason {
  reason: string;
  message?: string;
}

/** The spec of one container, as the agent reads it. */
export interface ContainerSpecView {
  name: string;
  image: string;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  command?: string[];
  args?: string[];
  readinessProbe?: unknown;
  startupProbe?: unknown;
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; recursiveReadOnly?: string; subPath?: string }[];
  [key: string]: unknown;
}

/** The pod spec as the agent reads it. */
export interface PodSpecView {
  nodeName?: string;
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  initContainers?: ContainerSpecView[];
  containers: ContainerSpecView[];
  terminationGracePeriodSeconds?: number;
  hostNetwork?: boolean;
  readinessGates?: { conditionType: string }[];
  [key: string]: unknown;
}

/** The pod's spec with the shape the agent relies on. */
export function specOf(pod: Readonly<KObject>): PodSpecView {
  const spec = (pod.spec ?? {}) as PodSpecView;
  return { ...spec, containers: spec.containers ?? [], initContainers: spec.initContainers ?? [] };
}

/** A fresh record for a pod the agent has just seen. */
export function newPodRecord(pod: Readonly<KObject>): PodRecord {
  const meta = pod.metadata ?? {};
  const spec = specOf(pod);
  const containers = new Map<string, ContainerRecord>();
  for (const c of spec.initContainers ?? []) containers.set(c.name, { name: c.name, init: true, restartCount: 0 });
  for (const c of spec.containers) containers.set(c.name, { name: c.name, init: false, restartCount: 0 });
  return { uid: meta.uid ?? '', key: `${meta.namespace}/${meta.name}`, pod, containers, killed: false, removed: false };
}
