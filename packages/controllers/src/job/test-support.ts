/** Builders and an in-memory PodControl for Job controller unit tests (tests only). */
import type { Job, JobSpec } from 'kubernetes-types/batch/v1';
import type { Pod, PodStatus } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { FakeClock } from '@mk/api';
import type { EventSpec } from '../framework/events';
import { createExpectations } from '../framework/expectations';
import { frozen } from '../testing/fixtures';
import { JOB_COMPLETION_INDEX, JOB_TRACKING_FINALIZER } from './constants';
import { createFinalizerExpectations } from './finalizer-expectations';
import type { PodControl } from './pod-control';
import { jobStatusForApi } from './status-json';
import { syncJob, type JobSyncDeps } from './sync';

export const T0 = '2026-01-01T00:00:00Z';

/** A Job as the API server stores it after defaulting (selector on the uid, template labels). */
export function newJob(name: string, spec: Partial<JobSpec> = {}, status: Job['status'] = {}): Job {
  const uid = `uid-${name}`;
  const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default', uid, resourceVersion: '1', generation: 1, creationTimestamp: T0 },
    spec: {
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      manualSelector: false,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      ...spec,
      template: { metadata: { labels }, spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }] }, ...spec.template },
    },
    status,
  };
}

export interface PodOptions {
  phase?: PodStatus['phase'];
  index?: number;
  ready?: boolean;
  tracked?: boolean;
  deleting?: boolean;
  exitCode?: number;
  /** When its containers finished (sets a terminated container state). */
  finishedAt?: string;
  conditions?: PodStatus['conditions'];
  restarts?: number;
  created?: string;
  annotations?: Record<string, string>;
}

/** A pod of the Job (controlled by it, matching its selector). */
export function jobPod(job: Job, name: string, opts: PodOptions = {}): Pod {
  const ref: OwnerReference = { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata!.name!, uid: job.metadata!.uid!, controller: true, blockOwnerDeletion: true };
  const annotations = { ...opts.annotations, ...(opts.index !== undefined ? { [JOB_COMPLETION_INDEX]: String(opts.index) } : {}) };
  const terminated = opts.finishedAt ?? (opts.exitCode !== undefined ? T0 : undefined);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      resourceVersion: '5',
      creationTimestamp: opts.created ?? T0,
      labels: { ...job.spec!.template.metadata!.labels },
      ...(Object.keys(annotations).length ? { annotations } : {}),
      ownerReferences: [ref],
      ...(opts.tracked === false ? {} : { finalizers: [JOB_TRACKING_FINALIZER] }),
      ...(opts.deleting ? { deletionTimestamp: T0, deletionGracePeriodSeconds: 0 } : {}),
    },
    spec: { containers: [{ name: 'main', image: 'busybox' }] },
    status: {
      phase: opts.phase ?? 'Running',
      conditions: opts.conditions ?? [{ type: 'Ready', status: opts.ready ? 'True' : 'False', lastTransitionTime: T0 }],
      ...(terminated || opts.restarts
        ? {
            containerStatuses: [
              {
                name: 'main',
                image: 'busybox',
                imageID: '',
                ready: false,
                restartCount: opts.restarts ?? 0,
                state: terminated ? { terminated: { exitCode: opts.exitCode ?? 0, finishedAt: terminated } } : { running: {} },
              },
            ],
          }
        : {}),
    },
  };
}

/** Records what a sync wrote; optional failures per call. */
export class FakePodControl implements PodControl {
  created: Pod[] = [];
  deleted: string[] = [];
  finalizersRemoved: string[] = [];
  statusWrites: Job[] = [];
  /** Every write in order, as `verb name`. */
  log: string[] = [];
  failCreate?: (pod: Pod, n: number) => unknown;
  stored?: Job;
  private seq = 0;

  constructor(private readonly events: (e: EventSpec) => void) {}

  async createPod(job: Readonly<Job>, pod: Pod): Promise<Pod> {
    const err = this.failCreate?.(pod, this.created.length);
    if (err) throw err;
    const name = `${pod.metadata!.generateName}${String(this.seq++).padStart(5, 'x')}`;
    const made = { ...pod, metadata: { ...pod.metadata, name, uid: `uid-${name}` } };
    this.created.push(made);
    this.log.push(`create ${name}`);
    this.events({ regarding: { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata!.name!, namespace: 'default' }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${name}` });
    return made;
  }
  async deletePod(job: Readonly<Job>, pod: Readonly<Pod>): Promise<void> {
    this.deleted.push(pod.metadata!.name!);
    this.log.push(`delete ${pod.metadata!.name}`);
    this.events({ regarding: { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata!.name!, namespace: 'default' }, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata!.name}` });
  }
  async removeTrackingFinalizer(pod: Readonly<Pod>): Promise<void> {
    this.finalizersRemoved.push(pod.metadata!.name!);
    this.log.push(`unfinalize ${pod.metadata!.name}`);
  }
  async adoptPod(): Promise<boolean> {
    return true;
  }
  async releasePod(): Promise<void> {}
  async updateStatus(job: Readonly<Job>): Promise<Job> {
    // Stored as the real PodControl sends it: Go's empty values dropped.
    const saved = { ...(structuredClone(job) as Job), status: jobStatusForApi(job.status ?? {}) };
    saved.metadata = { ...saved.metadata, resourceVersion: String(Number(job.metadata?.resourceVersion ?? '1') + 1) } as Job['metadata'];
    this.statusWrites.push(structuredClone(saved));
    this.log.push('status');
    this.stored = saved;
    return saved;
  }
  async getJob(): Promise<Job | undefined> {
    return this.stored;
  }
  /** The status of the last write. */
  get lastStatus(): Job['status'] {
    return this.statusWrites[this.statusWrites.length - 1]?.status;
  }
}

/** A Job controller's per-process state plus a fake PodControl, driven by a FakeClock. */
export function newHarness(start = T0) {
  const clock = new FakeClock(start);
  const events: EventSpec[] = [];
  const control = new FakePodControl((e) => events.push(e));
  const deps: JobSyncDeps = {
    clock,
    control,
    events: (e) => events.push(e),
    expectations: createExpectations(clock),
    finalizerExpectations: createFinalizerExpectations(),
    backoffs: new Map(),
  };
  /** One sync of job with pods, both frozen like cached objects; returns the requeue delay. */
  const sync = (job: Job, pods: Pod[] = []) => syncJob(deps, `default/${job.metadata!.name}`, frozen(structuredClone(job)), frozen(structuredClone(pods)));
  return { clock, events, control, deps, sync, eventLines: () => events.map((e) => `${e.type} ${e.reason}: ${e.message}`) };
}
