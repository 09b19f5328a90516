/**
 * The container runtime interface the node agent drives, shaped like the CRI
 * (pod sandboxes and containers), so the simulated runtime (this issue) and
 * the process runtime (next) are interchangeable behind it.
 */
import type { KObject } from '@mk/api';

/** A container's state as the runtime reports it. */
export type ContainerState = 'created' | 'running' | 'exited' | 'unknown';

/** What the agent asks a runtime to run: the pod's container spec as stored (image, command, args, env, ports, probes…). */
export type ContainerSpec = Record<string, unknown> & { name: string; image: string };

/** A new sandbox. */
export interface SandboxInfo {
  id: string;
  /** The pod IP the sandbox got (from the pod network). */
  podIP: string;
}

/** One container instance as the runtime reports it (CRI ContainerStatus). */
export interface ContainerStatus {
  id: string;
  name: string;
  state: ContainerState;
  /** RFC 3339 times. */
  createdAt?: string;
  startedAt?: string;
  finishedAt?: string;
  exitCode?: number;
  /** e.g. Completed, Error, OOMKilled. */
  reason?: string;
  message?: string;
  image: string;
  imageID: string;
}

/** An image could not be pulled: the agent reports ErrImagePull, then ImagePullBackOff. */
export class ImagePullError extends Error {
  constructor(
    readonly image: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImagePullError';
  }
}

/** A container could not be created or started (CreateContainerError / RunContainerError). */
export class ContainerStartError extends Error {
  constructor(
    readonly reason: 'CreateContainerError' | 'RunContainerError' | 'CreateContainerConfigError',
    message: string,
  ) {
    super(message);
    this.name = 'ContainerStartError';
  }
}

/** An image present on the node (CRI ImageStatus). */
export interface ImageInfo {
  /** The image ID reported in container statuses, e.g. `docker.io/library/nginx@sha256:…`. */
  id: string;
  sizeBytes: number;
}

/** A sandbox as the runtime sees it now (CRI PodSandboxStatus); a rebooted node's sandboxes are `notready`. */
export interface SandboxStatus {
  id: string;
  state: 'ready' | 'notready';
  podIP: string;
  /** RFC 3339. */
  createdAt: string;
}

/** Something a container did on its own. */
export interface RuntimeEvent {
  containerId: string;
  sandboxId: string;
  type: 'started' | 'exited';
}

/** A container runtime (CRI-shaped). */
export interface Runtime {
  /** 'sim' or 'process'; shown as CONTAINER-RUNTIME (`sim://0.1.0`). */
  readonly name: string;
  readonly version: string;
  runPodSandbox(pod: Readonly<KObject>): Promise<SandboxInfo>;
  /** Stops every container of the sandbox (SIGTERM, then SIGKILL after the grace period). */
  stopPodSandbox(sandboxId: string, gracePeriodSeconds: number): Promise<void>;
  removePodSandbox(sandboxId: string): Promise<void>;
  /** The sandbox now, or undefined once removed. */
  podSandboxStatus(sandboxId: string): Promise<SandboxStatus | undefined>;
  /** The image if it is present on the node (the pull policy IfNotPresent asks this first). */
  imageStatus(image: string): Promise<ImageInfo | undefined>;
  /** Resolves with the image ID, or throws ImagePullError. */
  pullImage(image: string, pod: Readonly<KObject>): Promise<string>;
  createContainer(sandboxId: string, spec: ContainerSpec, pod: Readonly<KObject>): Promise<string>;
  startContainer(containerId: string): Promise<void>;
  stopContainer(containerId: string, gracePeriodSeconds: number): Promise<void>;
  removeContainer(containerId: string): Promise<void>;
  containerStatus(containerId: string): Promise<ContainerStatus | undefined>;
  /** Containers that started or exited on their own; the agent re-syncs the pod. */
  onEvent(handler: (event: RuntimeEvent) => void): void;
  /** Power off: every container dies at once, nothing is reported. */
  killAll(): Promise<void>;
}
