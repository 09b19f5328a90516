/**
 * The container runtime interface the node agent drives, shaped like the CRI
 * (pod sandboxes and containers), so the simulated runtime (this issue) and
 * the process runtime (next) are interchangeable behind it.
 */
import type { KObject } from '@mk/api';

export type ContainerState = 'created' | 'running' | 'exited' | 'unknown';

/** What the agent asks a runtime to run: the pod's container spec as stored (image, command, args, env, ports, probes…). */
export type ContainerSpec = Record<string, unknown> & { name: string; image: string };

export interface SandboxInfo {
  id: string;
  /** The pod IP the sandbox got (from the pod network). */
  podIP: string;
}

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

export interface RuntimeEvent {
  containerId: string;
  sandboxId: string;
  type: 'started' | 'exited';
}

export interface Runtime {
  /** 'sim' or 'process'; shown as CONTAINER-RUNTIME (`sim://0.1.0`). */
  readonly name: string;
  readonly version: string;
  runPodSandbox(pod: Readonly<KObject>): Promise<SandboxInfo>;
  /** Stops every container of the sandbox (SIGTERM, then SIGKILL after the grace period). */
  stopPodSandbox(sandboxId: string, gracePeriodSeconds: number): Promise<void>;
  removePodSandbox(sandboxId: string): Promise<void>;
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
