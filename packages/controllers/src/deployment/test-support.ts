/**
 * Tests only: Deployments and ReplicaSets as plain objects, and an in-memory
 * API behind the DeploymentWrites port that keeps resourceVersions,
 * generations and creation times the way the API server does, so whole
 * syncs can be driven step by step with a FakeClock.
 */
import type { Deployment, ReplicaSet, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { ApiError } from '@mk/client';
import type { FakeClock } from '@mk/api';
import type { EventSpec } from '../framework/events';
import { frozen } from '../testing/fixtures';
import { rfc3339 } from '../framework/time';
import { syncDeployment } from './sync';
import type { D } from './fenceposts';
import type { RS } from './replica-sets';
import type { DeploymentWrites } from './writes';

/** A Deployment as the API server stores it after defaulting (RollingUpdate 25%/25%, history 10, deadline 600 s). */
export function deployment(name: string, opts: { replicas?: number; image?: string; maxSurge?: number | string; maxUnavailable?: number | string; strategy?: 'Recreate'; annotations?: Record<string, string>; revisionHistoryLimit?: number; paused?: boolean; minReadySeconds?: number } = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, generation: 1, resourceVersion: '1', creationTimestamp: '2025-12-31T00:00:00Z', ...(opts.annotations ? { annotations: opts.annotations } : {}) },
    spec: {
      replicas: opts.replicas ?? 3,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: opts.image ?? 'nginx:1.12' }] } },
      strategy:
        opts.strategy === 'Recreate'
          ? { type: 'Recreate' }
          : { type: 'RollingUpdate', rollingUpdate: { maxSurge: opts.maxSurge ?? '25%', maxUnavailable: opts.maxUnavailable ?? '25%' } },
      revisionHistoryLimit: opts.revisionHistoryLimit ?? 10,
      progressDeadlineSeconds: 600,
      ...(opts.paused ? { paused: true } : {}),
      ...(opts.minReadySeconds ? { minReadySeconds: opts.minReadySeconds } : {}),
    },
    status: {},
  };
}

/** A ReplicaSet of `owner` (or an orphan) with the given size, fully available unless status says otherwise. */
export function replicaSet(name: string, replicas: number, opts: { created?: string; owner?: Deployment; revision?: number; desired?: number; max?: number; image?: string; status?: ReplicaSetStatus; labels?: Record<string, string> } = {}): ReplicaSet {
  const annotations: Record<string, string> = {};
  if (opts.revision !== undefined) annotations['deployment.kubernetes.io/revision'] = String(opts.revision);
  if (opts.desired !== undefined) annotations['deployment.kubernetes.io/desired-replicas'] = String(opts.desired);
  if (opts.max !== undefined) annotations['deployment.kubernetes.io/max-replicas'] = String(opts.max);
  const labels = opts.labels ?? { app: 'web', 'pod-template-hash': name };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      generation: 1,
      resourceVersion: '1',
      creationTimestamp: opts.created ?? '2026-01-01T00:00:00Z',
      labels,
      annotations,
      ...(opts.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: opts.owner.metadata!.name!, uid: opts.owner.metadata!.uid!, controller: true, blockOwnerDeletion: true }] } : {}),
    },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: opts.image ?? 'nginx:1.12' }] } },
    },
    status: opts.status ?? { replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 },
  };
}

/** Server-set fields are read-only in kubernetes-types; the fake API sets them like a server does. */
const meta = (obj: Deployment | ReplicaSet) => obj.metadata as { generation?: number; resourceVersion?: string };
const setStatus = (obj: ReplicaSet, status: ReplicaSetStatus | undefined) => Object.assign(obj, { status });

const conflict = (kind: string, name: string) =>
  new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 409, reason: 'Conflict', message: `Operation cannot be fulfilled on ${kind} "${name}": the object has been modified; please apply your changes to the latest version and try again` });

/** An in-memory API for one namespace; reads return frozen copies, as informer caches do. */
export class FakeDeploymentApi implements DeploymentWrites {
  readonly deployments = new Map<string, Deployment>();
  readonly replicaSets = new Map<string, ReplicaSet>();
  readonly pods: Pod[] = [];
  readonly events: EventSpec[] = [];
  /** Every write, in order, as `verb kind/name` (for ordering assertions). */
  readonly log: string[] = [];
  private rv = 100;
  private uid = 0;

  constructor(readonly clock: FakeClock) {}

  private nextRV(): string {
    return String(++this.rv);
  }

  addDeployment(d: Deployment): void {
    this.deployments.set(d.metadata!.name!, structuredClone(d));
  }

  addReplicaSet(rs: ReplicaSet): void {
    this.replicaSets.set(rs.metadata!.name!, structuredClone(rs));
  }

  /** A user edit of the Deployment's spec (bumps generation, as the API server does). */
  editDeployment(name: string, edit: (d: Deployment) => void): void {
    const d = this.deployments.get(name)!;
    edit(d);
    meta(d).generation = (d.metadata!.generation ?? 1) + 1;
    meta(d).resourceVersion = this.nextRV();
  }

  /** The ReplicaSet controller's report: `available(rs)` of spec.replicas pods available (default all). */
  settleReplicaSets(available: (rs: ReplicaSet) => number = (rs) => rs.spec!.replicas!): void {
    for (const rs of this.replicaSets.values()) {
      const n = Math.min(available(rs), rs.spec!.replicas!);
      const status = { replicas: rs.spec!.replicas!, readyReplicas: n, availableReplicas: n, observedGeneration: rs.metadata!.generation };
      if (JSON.stringify(status) === JSON.stringify(rs.status)) continue;
      setStatus(rs, status);
      meta(rs).resourceVersion = this.nextRV();
    }
  }

  deployment(name: string): Deployment {
    return this.deployments.get(name)!;
  }

  rsList(): ReplicaSet[] {
    return [...this.replicaSets.values()].sort((a, b) => a.metadata!.creationTimestamp!.localeCompare(b.metadata!.creationTimestamp!) || a.metadata!.name!.localeCompare(b.metadata!.name!));
  }

  /** One sync of the named Deployment from a snapshot of the store (the "cache"), optionally missing some ReplicaSets (a lagging cache). */
  sync(name: string, opts: { hide?: string[] } = {}) {
    const d = frozen(structuredClone(this.deployments.get(name)!));
    const cached = this.rsList().filter((rs) => !opts.hide?.includes(rs.metadata!.name!));
    return syncDeployment(
      {
        writes: this,
        events: (e) => this.events.push(e),
        log: () => undefined,
        now: this.clock.now(),
        replicaSets: frozen(structuredClone(cached)),
        replicaSet: (rsName) => (this.replicaSets.has(rsName) ? frozen(structuredClone(this.replicaSets.get(rsName)!)) : undefined),
        pods: frozen(structuredClone(this.pods)),
      },
      d,
    );
  }

  /** Event messages in order. */
  messages(): string[] {
    return this.events.map((e) => `${e.reason}: ${e.message}`);
  }

  async createReplicaSet(rs: ReplicaSet): Promise<RS> {
    const name = rs.metadata!.name!;
    if (this.replicaSets.has(name)) {
      throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 409, reason: 'AlreadyExists', message: `replicasets.apps "${name}" already exists` });
    }
    const stored = structuredClone(rs);
    // Each object is created at its own second, so creation order is unambiguous.
    await this.clock.advance(1000);
    Object.assign(stored.metadata!, { uid: `uid-${name}-${++this.uid}`, generation: 1, resourceVersion: this.nextRV(), creationTimestamp: rfc3339(this.clock.now()) });
    setStatus(stored, { replicas: 0 });
    this.replicaSets.set(name, stored);
    this.log.push(`create ReplicaSet/${name} replicas=${rs.spec!.replicas}`);
    return frozen(structuredClone(stored));
  }

  async updateReplicaSet(rs: ReplicaSet): Promise<RS> {
    const name = rs.metadata!.name!;
    const current = this.replicaSets.get(name);
    if (!current || current.metadata!.resourceVersion !== rs.metadata!.resourceVersion) throw conflict('replicasets.apps', name);
    const next = structuredClone(rs);
    setStatus(next, current.status);
    if (JSON.stringify(next.spec) !== JSON.stringify(current.spec)) meta(next).generation = (current.metadata!.generation ?? 1) + 1;
    meta(next).resourceVersion = this.nextRV();
    this.replicaSets.set(name, next);
    this.log.push(`update ReplicaSet/${name} replicas=${next.spec!.replicas}`);
    return frozen(structuredClone(next));
  }

  async deleteReplicaSet(rs: RS): Promise<void> {
    this.replicaSets.delete(rs.metadata!.name!);
    this.log.push(`delete ReplicaSet/${rs.metadata!.name}`);
  }

  async updateDeployment(base: D, next: Deployment): Promise<D> {
    const name = base.metadata!.name!;
    const current = this.deployments.get(name)!;
    if (current.metadata!.resourceVersion !== base.metadata!.resourceVersion) throw conflict('deployments.apps', name);
    const stored = structuredClone(current);
    stored.metadata!.annotations = structuredClone(next.metadata?.annotations);
    stored.status = structuredClone(next.status);
    meta(stored).resourceVersion = this.nextRV();
    this.deployments.set(name, stored);
    this.log.push(`status Deployment/${name}`);
    return frozen(structuredClone(stored));
  }

  async getDeployment(_namespace: string, name: string): Promise<D | undefined> {
    const d = this.deployments.get(name);
    return d && frozen(structuredClone(d));
  }

  async adoptReplicaSet(d: D, rs: RS): Promise<boolean> {
    const stored = this.replicaSets.get(rs.metadata!.name!);
    if (!stored) return false;
    stored.metadata!.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata!.name!, uid: d.metadata!.uid!, controller: true, blockOwnerDeletion: true }];
    meta(stored).resourceVersion = this.nextRV();
    this.log.push(`adopt ReplicaSet/${rs.metadata!.name}`);
    return true;
  }

  async releaseReplicaSet(_d: D, rs: RS): Promise<void> {
    const stored = this.replicaSets.get(rs.metadata!.name!);
    if (!stored) return;
    stored.metadata!.ownerReferences = [];
    meta(stored).resourceVersion = this.nextRV();
    this.log.push(`release ReplicaSet/${rs.metadata!.name}`);
  }
}
