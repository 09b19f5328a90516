/** Builders of ReplicaSets and pods for the replica controller's unit tests (tests only). */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { Typed } from '../framework/types';
import { frozen } from '../testing/fixtures';
import type { ReplicaOwner } from './kinds';

export interface ReplicaSetOptions {
  replicas?: number;
  selector?: Record<string, string>;
  templateLabels?: Record<string, string>;
  minReadySeconds?: number;
  generation?: number;
  status?: ReplicaSetStatus;
  deleting?: boolean;
  /** The Deployment (or other controller) owning the ReplicaSet. */
  controllerUid?: string;
}

/** A frozen ReplicaSet `name` in default selecting app=web unless told otherwise. */
export function replicaSet(name: string, opts: ReplicaSetOptions = {}): Typed<ReplicaOwner> {
  const selector = opts.selector ?? { app: 'web' };
  return frozen({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      resourceVersion: '5',
      generation: opts.generation ?? 1,
      ...(opts.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
      ...(opts.controllerUid ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: opts.controllerUid, controller: true }] } : {}),
    },
    spec: {
      replicas: opts.replicas ?? 3,
      minReadySeconds: opts.minReadySeconds ?? 0,
      selector: { matchLabels: selector },
      template: { metadata: { labels: opts.templateLabels ?? selector }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
    },
    ...(opts.status ? { status: opts.status } : {}),
  });
}

export interface PodOptions {
  /** The owner whose controller reference the pod carries (none: an orphan). */
  owner?: Readonly<ReplicaOwner>;
  labels?: Record<string, string>;
  node?: string;
  phase?: string;
  ready?: boolean;
  /** The Ready condition's lastTransitionTime. */
  readySince?: string;
  created?: string;
  restarts?: number;
  deletionCost?: string;
  deleting?: boolean;
  uid?: string;
}

const controllerRefTo = (owner: Readonly<ReplicaOwner>): OwnerReference => ({
  apiVersion: owner.apiVersion ?? 'apps/v1',
  kind: owner.kind ?? 'ReplicaSet',
  name: owner.metadata!.name!,
  uid: owner.metadata!.uid!,
  controller: true,
  blockOwnerDeletion: true,
});

/** A frozen pod in default: bound to node w1, Running and Ready since 2025-12-31 unless told otherwise. */
export function pod(name: string, opts: PodOptions = {}): Typed<Pod> {
  const ready = opts.ready ?? true;
  const node = opts.node ?? 'w1';
  return frozen({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: opts.uid ?? `uid-${name}`,
      resourceVersion: '7',
      creationTimestamp: opts.created ?? '2025-12-31T00:00:00Z',
      labels: opts.labels ?? { app: 'web' },
      ...(opts.deletionCost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': opts.deletionCost } } : {}),
      ...(opts.owner ? { ownerReferences: [controllerRefTo(opts.owner)] } : {}),
      ...(opts.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
    },
    spec: { ...(node ? { nodeName: node } : {}), containers: [{ name: 'web', image: 'nginx' }] },
    status: {
      phase: opts.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: opts.readySince ?? '2025-12-31T00:00:00Z' }],
      containerStatuses: [{ name: 'web', image: 'nginx', imageID: '', ready, restartCount: opts.restarts ?? 0 }],
    },
  });
}
