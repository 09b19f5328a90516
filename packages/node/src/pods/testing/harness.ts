/**
 * Drives a PodManager without an API server: a fake API that stores pods and
 * applies status patches as the server does, feeding every change back as a
 * watch would; a recorder that keeps events; a FakeClock. Tests read the
 * timeline of written statuses and the events.
 */
import { applyStrategicMergePatch, defaultTimings, FakeClock, patchMetaFor, type ClusterTimings, type KObject } from '@mk/api';
import { ApiError, type EventRecorder } from '@mk/client';
import type { ContainerStatus, PodStatus } from 'kubernetes-types/core/v1';
import type { Runtime } from '../../runtime/types';
import type { SessionApi } from '../context';
import { PodManager } from '../pod-manager';
import type { PodRecord } from '../types';

/** An event the manager recorded. */
export interface RecordedEvent {
  at: number;
  type: string;
  reason: string;
  message: string;
  fieldPath?: string;
}

/** A status the manager wrote. */
export interface WrittenStatus {
  at: number;
  status: PodStatus;
}

const notFound = (name: string) =>
  new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: `pods "${name}" not found` });

/** A pod as the API server stores it after create: defaulted, Pending, bound to node-1. */
export function storedPod(name: string, spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: '2026-01-01T00:00:00Z', ...metadata },
    spec: { nodeName: 'node-1', restartPolicy: 'Always', terminationGracePeriodSeconds: 30, ...spec },
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  };
}

/** A PodManager with a fake API, a fake recorder and a FakeClock. */
export class PodHarness {
  readonly clock = new FakeClock('2026-01-01T00:00:00Z');
  readonly start = this.clock.now().getTime();
  readonly pods = new Map<string, KObject>();
  readonly writes: WrittenStatus[] = [];
  readonly events: RecordedEvent[] = [];
  readonly deletes: { name: string; body: unknown }[] = [];
  readonly records = new Map<string, PodRecord>();
  readonly manager: PodManager;
  readonly runtime: Runtime;
  private rv = 1;
  alive = true;

  constructor(makeRuntime: (clock: FakeClock) => Runtime, timings: ClusterTimings = defaultTimings) {
    const runtime = makeRuntime(this.clock);
    this.runtime = runtime;
    const recorder: EventRecorder = {
      event: (obj, type, reason, message) => {
        this.events.push({ at: this.now(), type, reason, message, fieldPath: (obj as { fieldPath?: string }).fieldPath });
      },
      flush: async () => undefined,
      stop: () => undefined,
    };
    this.manager = new PodManager({
      hostIP: '127.0.0.10',
      runtime,
      clock: this.clock,
      timings,
      api: this.api,
      recorder,
      records: this.records,
      checkAlive: () => {
        if (!this.alive) throw new Error('session ended');
      },
      log: () => undefined,
    });
    runtime.onEvent((e) => this.manager.onRuntimeEvent(e));
  }

  now(): number {
    return this.clock.now().getTime() - this.start;
  }

  readonly api: SessionApi = {
    request: async <T>(method: string, path: string, opts?: { body?: unknown }): Promise<T> => {
      const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)(\/status)?$/.exec(path);
      if (!m) throw new Error(`unexpected request ${method} ${path}`);
      const name = m[2];
      const pod = this.pods.get(name);
      if (!pod) throw notFound(name);
      if (method === 'PATCH' && m[3]) {
        const patched = applyStrategicMergePatch(pod, opts?.body, patchMetaFor('', 'v1', 'Pod')) as KObject;
        this.writes.push({ at: this.now(), status: structuredClone(patched.status as PodStatus) });
        this.update(patched);
        return patched as T;
      }
      if (method === 'DELETE' && !m[3]) {
        this.deletes.push({ name, body: opts?.body });
        this.pods.delete(name);
        this.manager.handlers().onDelete!(pod);
        return pod as T;
      }
      throw new Error(`unexpected request ${method} ${path}`);
    },
  };

  /** Stores a changed pod and tells the manager, as a watch event would. */
  update(pod: KObject): void {
    const old = this.pods.get(pod.metadata!.name!);
    const next = { ...pod, metadata: { ...pod.metadata, resourceVersion: String(++this.rv) } };
    this.pods.set(next.metadata.name!, next);
    if (old) this.manager.handlers().onUpdate!(old, next);
    else this.manager.handlers().onAdd!(next);
  }

  add(pod: KObject): void {
    this.update(pod);
  }

  /** What `kubectl delete` does to a running pod: a deletionTimestamp and grace period, then the agent's turn. */
  deleteGracefully(name: string, graceSeconds = 30): void {
    const pod = this.pods.get(name)!;
    const at = new Date(this.clock.now().getTime() + graceSeconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    this.update({ ...pod, metadata: { ...pod.metadata, deletionTimestamp: at, deletionGracePeriodSeconds: graceSeconds } });
  }

  /** Lets the work that takes no time run (zero-delay timers included) without moving the clock. */
  async settle(): Promise<void> {
    for (let i = 0; i < 10; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      await this.clock.advance(0);
    }
  }

  /** Moves the clock, letting work run between timers. */
  async advance(ms: number): Promise<void> {
    await this.settle();
    await this.clock.advance(ms);
    await this.settle();
  }

  status(name: string): PodStatus {
    return this.pods.get(name)!.status as PodStatus;
  }

  /** The written statuses as `<ms> <phase> <container summaries>` lines. */
  timeline(): string[] {
    return this.writes.map((w) => `${w.at} ${summarize(w.status)}`);
  }

  eventLines(): string[] {
    return this.events.map((e) => `${e.at} ${e.type} ${e.reason}${e.fieldPath ? ` ${e.fieldPath}` : ''}: ${e.message}`);
  }
}

function containerSummary(s: ContainerStatus): string {
  const state = s.state ?? {};
  let text: string;
  if (state.running) text = 'running';
  else if (state.terminated) text = `terminated:${state.terminated.reason}(${state.terminated.exitCode})`;
  else text = `waiting:${state.waiting?.reason}`;
  const last = s.lastState?.terminated ? ` last=${s.lastState.terminated.reason}(${s.lastState.terminated.exitCode})` : '';
  return `${s.name}=${text}${s.ready ? ' ready' : ''} r${s.restartCount}${last}`;
}

/** One line per status: phase, then init containers and containers. */
export function summarize(status: PodStatus): string {
  const init = (status.initContainerStatuses ?? []).map((s) => `init:${containerSummary(s)}`);
  return [status.phase, ...init, ...(status.containerStatuses ?? []).map(containerSummary)].join(' ');
}
