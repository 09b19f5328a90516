/** Builders of StatefulSets, their pods, claims and revisions as the API would hold them (tests only). */
import { ApiError, createClient, type ApiClient } from '@mk/client';
import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { frozen } from '../testing/fixtures';
import { claimsForOrdinal } from './claims';
import { newStatefulSetPod } from './new-pod';
import { CONTROLLER_REVISION_HASH_LABEL } from '../framework/controller-revision';
import { newRevision } from './revisions';

export const T0 = '2026-01-01T00:00:00Z';

/** A defaulted set `web` of `replicas` nginx pods with a `www` claim template, serviceName `web`. */
export function webSet(extra: { replicas?: number; spec?: Partial<StatefulSet['spec']>; status?: StatefulSet['status']; image?: string; generation?: number } = {}): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: 'uid-web', generation: extra.generation ?? 1, resourceVersion: '5', creationTimestamp: T0 },
    spec: {
      replicas: extra.replicas ?? 3,
      selector: { matchLabels: { app: 'web' } },
      serviceName: 'web',
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      revisionHistoryLimit: 10,
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'web' } } as never,
        spec: { containers: [{ name: 'nginx', image: extra.image ?? 'nginx:1.26' }], restartPolicy: 'Always' },
      },
      volumeClaimTemplates: [
        {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name: 'www', creationTimestamp: null } as never,
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
          status: { phase: 'Pending' },
        },
      ],
      ...(extra.spec ?? {}),
    },
    status: extra.status ?? { replicas: 0, availableReplicas: 0 },
  };
}

/** Revision `n` of the set's current template, as stored (owned by the set). */
export function revisionOf(set: StatefulSet, n: number): ControllerRevision {
  const r = newRevision(set, n, 0);
  return frozen({ ...r, metadata: { ...r.metadata, uid: `uid-${r.metadata!.name}`, resourceVersion: '3' } });
}

export type PodState = 'pending' | 'ready' | 'notReady' | 'failed' | 'succeeded';

/** Pod `web-<ordinal>` as the cache holds it, made from set at revision, in the given state. */
export function podOf(set: StatefulSet, ordinal: number, revision: string, state: PodState = 'ready', extra: { deleting?: boolean; readySince?: string } = {}): Pod {
  const pod = newStatefulSetPod(set, ordinal);
  const since = extra.readySince ?? '2025-12-31T00:00:00Z';
  const phase = { pending: 'Pending', ready: 'Running', notReady: 'Running', failed: 'Failed', succeeded: 'Succeeded' }[state];
  return frozen({
    ...pod,
    metadata: {
      ...pod.metadata,
      uid: `uid-web-${ordinal}`,
      resourceVersion: '7',
      labels: { ...pod.metadata!.labels, [CONTROLLER_REVISION_HASH_LABEL]: revision },
      ...(extra.deleting ? { deletionTimestamp: T0 } : {}),
    },
    status: { phase, conditions: [{ type: 'Ready', status: state === 'ready' ? 'True' : 'False', lastTransitionTime: since }] },
  });
}

/** The claims of ordinal as the cache holds them. */
export function claimsOf(set: StatefulSet, ordinal: number, extra: Partial<PersistentVolumeClaim['metadata']> = {}): PersistentVolumeClaim[] {
  return claimsForOrdinal(set, ordinal).map((c) => frozen({ ...c, metadata: { ...c.metadata, uid: `uid-${c.metadata!.name}`, resourceVersion: '4', ...extra } }));
}

/** One request a fake client answered. */
export interface SentRequest {
  method: string;
  path: string;
  body?: unknown;
}

/** An ApiClient whose requests go to answer (which may throw an ApiError); paths are built as the real client does. */
export function fakeClient(answer: (req: SentRequest) => unknown): { client: ApiClient; sent: SentRequest[] } {
  const real = createClient({ server: 'http://127.0.0.1:1', namespace: 'default' });
  const sent: SentRequest[] = [];
  const client: ApiClient = {
    ...real,
    path: (p) => real.path(p),
    async request<T>(method: string, path: string, opts?: { body?: unknown }): Promise<T> {
      const req = { method, path, body: opts?.body };
      sent.push(req);
      return answer(req) as T;
    },
  };
  return { client, sent };
}

/** An API error as the server reports it. */
export function apiError(code: number, reason: string, message: string): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message } as never);
}
