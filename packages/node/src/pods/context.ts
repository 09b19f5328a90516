/** What the pod workers of one agent session use: the runtime, the API, events, clocks and the kubelet's in-memory state. */
import type { Clock, ClusterTimings, KObject } from '@mk/api';
import type { PodStatus } from 'kubernetes-types/core/v1';
import type { Runtime } from '../runtime/types';
import type { Backoff } from './backoff';
import type { KubeletEvent } from './kubelet-events';
import type { PodRecord, WaitingReason } from './types';

/** Calls the API server; refuses (SessionEndedError) once the session is over. */
export interface SessionApi {
  request<T = unknown>(method: string, path: string, opts?: { query?: Record<string, string>; body?: unknown; contentType?: string }): Promise<T>;
}

/** The session's services for pod syncs. */
export interface PodContext {
  readonly runtime: Runtime;
  readonly clock: Clock;
  readonly timings: ClusterTimings;
  readonly api: SessionApi;
  /** Container restarts (CrashLoopBackOff), keyed `<uid>_<container>`. */
  readonly crashBackoff: Backoff;
  /** Image pulls (ImagePullBackOff), keyed `<uid>_<image>`. */
  readonly imageBackoff: Backoff;
  /** Throws SessionEndedError when the agent stopped or lost power. */
  checkAlive(): void;
  /** Records an event about the pod, or one of its containers when fieldPath is given. */
  event(pod: Readonly<KObject>, fieldPath: string | undefined, event: KubeletEvent): void;
  /** Why the pod's containers wait (the kubelet's reasonCache). */
  waiting(uid: string): Map<string, WaitingReason>;
  /** The pod's status will be (re)computed and written if it changed. */
  requestStatus(record: PodRecord): void;
  /** Computes and writes the status now (before the final DELETE). */
  writeStatusNow(record: PodRecord): Promise<void>;
  /** The status as the agent would report it now. */
  currentStatus(record: PodRecord): PodStatus;
  /** Syncs the pod again at this clock time (ms), e.g. when a back-off ends. */
  resyncAt(uid: string, atMs: number): void;
}

/** After a failed start (ErrImagePull, RunContainerError) the pod is synced again after half the initial back-off. */
export function errorResyncMs(timings: ClusterTimings): number {
  return Math.max(1, Math.floor(timings.containerBackoffInitialMs / 2));
}
