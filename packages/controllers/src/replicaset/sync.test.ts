import { describe, expect, it } from 'vitest';
import { FakeClock, type KObject } from '@mk/api';
import { ApiError, resourcePath, type ApiClient, type Lister, type RequestOptions } from '@mk/client';
import type { Pod } from 'kubernetes-types/core/v1';
import { createExpectations } from '../framework/expectations';
import type { EventSpec } from '../framework/events';
import { REPLICA_SET_KIND, type ReplicaOwner } from './kinds';
import { relatedPods, syncReplicaOwner, type SyncDeps } from './sync';
import { pod, replicaSet } from './fixtures';

interface Call {
  method: string;
  path: string;
  body?: any;
}

type Responder = (call: Call) => unknown;

function listerOf<T extends KObject>(items: T[]): Lister<T> {
  const key = (o: T) => `${o.metadata?.namespace}/${o.metadata?.name}`;
  return {
    get: (k) => items.find((o) => key(o) === k),
    list: () => items,
    byNamespace: (ns) => items.filter((o) => o.metadata?.namespace === ns),
    byIndex: () => [],
  };
}

const apiError = (code: number, reason: string, message: string, causes?: { reason: string; message: string; field: string }[]) =>
  new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code, reason, message, ...(causes ? { details: { causes } } : {}) });

/** A client that records requests; respond decides answers (default: echo bodies, name created pods web-1, web-2, …). */
function fakeClient(respond: Responder = () => undefined) {
  const calls: Call[] = [];
  let created = 0;
  const client = {
    path: resourcePath,
    async request(method: string, path: string, opts: RequestOptions = {}) {
      const call = { method, path, body: opts.body };
      calls.push(call);
      const answer = respond(call);
      if (answer instanceof Error) throw answer;
      if (answer !== undefined) return answer;
      if (method === 'POST') return { ...(opts.body as object), metadata: { ...(opts.body as Pod).metadata, name: `web-${++created}` } };
      return opts.body ?? {};
    },
  } as unknown as ApiClient;
  return { client, calls };
}

function setup(owner: ReplicaOwner, pods: Pod[], respond?: Responder) {
  const clock = new FakeClock('2026-01-01T00:00:00Z');
  const { client, calls } = fakeClient(respond);
  const events: EventSpec[] = [];
  const logs: string[] = [];
  const deps: SyncDeps = {
    client,
    kind: REPLICA_SET_KIND,
    events: (e) => events.push(e),
    expectations: createExpectations(clock),
    clock,
    owners: listerOf([owner as ReplicaOwner]),
    pods: listerOf(pods as (Pod & KObject)[]),
    log: (m) => logs.push(m),
  };
  const eventLines = () => events.map((e) => `${e.type} ${e.reason} ${e.message}`);
  return { deps, calls, events, eventLines, logs, clock };
}

const writes = (calls: Call[]) => calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`);

describe('syncReplicaOwner', () => {
  it('creates the missing pods once, with events, and does not repeat while they are in flight', async () => {
    const rs = replicaSet('web', { replicas: 3 });
    const { deps, calls, eventLines } = setup(rs, [pod('web-0', { owner: rs })]);
    await syncReplicaOwner(deps, 'default/web');

    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.path)).toEqual(['/api/v1/namespaces/default/pods', '/api/v1/namespaces/default/pods']);
    expect(posts[0].body.metadata).toMatchObject({ generateName: 'web-', labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true }] });
    expect(eventLines()).toEqual(['Normal SuccessfulCreate Created pod: web-1', 'Normal SuccessfulCreate Created pod: web-2']);
    const status = calls.find((c) => c.method === 'PUT')!;
    expect(status.path).toBe('/apis/apps/v1/namespaces/default/replicasets/web/status');
    expect(status.body.status).toEqual({ replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 });

    // The informer has not shown the new pods yet: a second sync must not create them again.
    calls.length = 0;
    await syncReplicaOwner(deps, 'default/web');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    // Once both are observed the owner is in sync again (and with no new pods in the cache, it creates again).
    deps.expectations.creationObserved('default/web');
    deps.expectations.creationObserved('default/web');
    await syncReplicaOwner(deps, 'default/web');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2);
  });

  it('reports a failed create as an event and a ReplicaFailure condition, and takes back the expectations', async () => {
    const rs = replicaSet('web', { replicas: 3 });
    const quota = apiError(403, 'Forbidden', 'pods "web-abcde" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=1, limited: pods=1');
    const { deps, calls, eventLines } = setup(rs, [], (c) => (c.method === 'POST' ? quota : undefined));

    await expect(syncReplicaOwner(deps, 'default/web')).rejects.toThrow('exceeded quota');
    // Slow start: one failed create, the other two are never tried.
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(eventLines()).toEqual([`Warning FailedCreate Error creating: ${quota.message}`]);
    const status = calls.find((c) => c.method === 'PUT')!.body.status;
    expect(status.conditions).toEqual([{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: quota.message, lastTransitionTime: '2026-01-01T00:00:00Z' }]);
    expect(deps.expectations.satisfied('default/web')).toBe(true);
  });

  it('creates in a terminating namespace without an event or an error', async () => {
    const rs = replicaSet('web', { replicas: 2 });
    const why = 'unable to create new content in namespace default because it is being terminated';
    const terminating = apiError(403, 'Forbidden', `pods "web-" is forbidden: ${why}`, [{ reason: 'NamespaceTerminating', message: why, field: 'metadata.namespace' }]);
    const { deps, eventLines, calls } = setup(rs, [], (c) => (c.method === 'POST' ? terminating : undefined));
    await syncReplicaOwner(deps, 'default/web');
    // Upstream counts these creates as done: slow start goes on, and nothing is reported.
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2);
    expect(eventLines()).toEqual([]);
    expect(calls.find((c) => c.method === 'PUT')!.body.status.conditions).toBeUndefined();
  });

  it('deletes the surplus with events, the least useful pods first', async () => {
    const rs = replicaSet('web', { replicas: 1 });
    const pods = [pod('web-old', { owner: rs, created: '2025-01-01T00:00:00Z' }), pod('web-new', { owner: rs, created: '2025-12-31T00:00:00Z' }), pod('web-pending', { owner: rs, phase: 'Pending', ready: false })];
    const { deps, calls, eventLines } = setup(rs, pods);
    await syncReplicaOwner(deps, 'default/web');
    expect(writes(calls).filter((w) => w.startsWith('DELETE')).sort()).toEqual(['DELETE /api/v1/namespaces/default/pods/web-new', 'DELETE /api/v1/namespaces/default/pods/web-pending']);
    expect(eventLines().sort()).toEqual(['Normal SuccessfulDelete Deleted pod: web-new', 'Normal SuccessfulDelete Deleted pod: web-pending']);

    // The deletions are awaited: another sync deletes nothing more.
    calls.length = 0;
    await syncReplicaOwner(deps, 'default/web');
    expect(calls.filter((c) => c.method === 'DELETE')).toEqual([]);
    deps.expectations.deletionObserved('default/web', 'default/web-new');
    deps.expectations.deletionObserved('default/web', 'default/web-pending');
    expect(deps.expectations.satisfied('default/web')).toBe(true);
  });

  it('reports a failed delete, and counts a pod already gone as deleted', async () => {
    const rs = replicaSet('web', { replicas: 0 });
    const { deps, calls, eventLines } = setup(rs, [pod('web-a', { owner: rs }), pod('web-b', { owner: rs })], (c) => {
      if (c.method === 'DELETE' && c.path.endsWith('web-a')) return apiError(500, 'InternalError', 'Internal error occurred: disk full');
      if (c.method === 'DELETE' && c.path.endsWith('web-b')) return apiError(404, 'NotFound', 'pods "web-b" not found');
      return undefined;
    });
    await expect(syncReplicaOwner(deps, 'default/web')).rejects.toThrow('unable to delete pods: Internal error occurred: disk full');
    expect(eventLines()).toEqual(['Warning FailedDelete Error deleting: Internal error occurred: disk full']);
    expect(calls.find((c) => c.method === 'PUT')!.body.status.conditions[0]).toMatchObject({ reason: 'FailedDelete', message: 'unable to delete pods: Internal error occurred: disk full' });
    expect(deps.expectations.satisfied('default/web')).toBe(true);
  });

  it('adopts a matching orphan after re-reading the owner, and releases a relabelled pod', async () => {
    const rs = replicaSet('web', { replicas: 2, status: { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 } });
    const pods = [pod('web-a', { owner: rs }), pod('orphan'), pod('web-debug', { owner: rs, labels: { app: 'debug' } })];
    const { deps, calls } = setup(rs, pods, (c) => (c.method === 'GET' ? rs : undefined));
    await syncReplicaOwner(deps, 'default/web');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /apis/apps/v1/namespaces/default/replicasets/web',
      'PATCH /api/v1/namespaces/default/pods/orphan',
      'PATCH /api/v1/namespaces/default/pods/web-debug',
    ]);
    expect(calls[1].body).toEqual({ metadata: { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true }], uid: 'uid-orphan' } });
    expect(calls[2].body).toEqual({ metadata: { ownerReferences: [{ $patch: 'delete', uid: 'uid-web' }], uid: 'uid-web-debug' } });
    // Two pods claimed, two wanted, status already says so: nothing else is written.
  });

  it('does not adopt when the owner turns out to be deleted, and retries', async () => {
    const rs = replicaSet('web', { replicas: 1 });
    const { deps, calls } = setup(rs, [pod('orphan')], (c) => (c.method === 'GET' ? { ...rs, metadata: { ...rs.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } } : undefined));
    await expect(syncReplicaOwner(deps, 'default/web')).rejects.toThrow('default/web has just been deleted at 2026-01-01T00:00:00Z');
    expect(calls.filter((c) => c.method === 'PATCH')).toEqual([]);
  });

  it('lets a deleting owner keep its status current but create, adopt and release nothing', async () => {
    const rs = replicaSet('web', { replicas: 3, deleting: true });
    const { deps, calls } = setup(rs, [pod('web-a', { owner: rs }), pod('orphan'), pod('web-debug', { owner: rs, labels: { app: 'debug' } })]);
    await syncReplicaOwner(deps, 'default/web');
    expect(writes(calls)).toEqual(['PUT /apis/apps/v1/namespaces/default/replicasets/web/status']);
    expect(calls[0].body.status.replicas).toBe(1);
  });

  it('requeues for the moment a ready pod becomes available', async () => {
    const rs = replicaSet('web', { replicas: 1, minReadySeconds: 30 });
    const { deps } = setup(rs, [pod('web-a', { owner: rs, readySince: '2025-12-31T23:59:50Z' })]);
    expect(await syncReplicaOwner(deps, 'default/web')).toEqual({ requeueAfterMs: 20_001 });
  });

  it('retries a conflicting status write once on a fresh copy', async () => {
    const rs = replicaSet('web', { replicas: 1 });
    let puts = 0;
    const fresh = { ...rs, metadata: { ...rs.metadata, resourceVersion: '9' } };
    const { deps, calls } = setup(rs, [pod('web-a', { owner: rs })], (c) => {
      if (c.method === 'PUT' && ++puts === 1) return apiError(409, 'Conflict', 'the object has been modified');
      if (c.method === 'GET') return fresh;
      return undefined;
    });
    await syncReplicaOwner(deps, 'default/web');
    const putCalls = calls.filter((c) => c.method === 'PUT');
    expect(putCalls.map((c) => c.body.metadata.resourceVersion)).toEqual(['5', '9']);
    expect(putCalls[1].body.status.replicas).toBe(1);
  });

  it('forgets the expectations of an owner that is gone', async () => {
    const rs = replicaSet('web');
    const { deps } = setup(rs, []);
    deps.expectations.expect('default/gone', 3);
    await syncReplicaOwner(deps, 'default/gone');
    expect(deps.expectations.satisfied('default/gone')).toBe(true);
  });

  it('logs and skips an owner with an invalid selector', async () => {
    const rs = { ...replicaSet('web'), spec: { replicas: 1, selector: { matchExpressions: [{ key: 'app', operator: 'Near' }] } } };
    const { deps, calls, logs } = setup(rs, [pod('orphan')]);
    await syncReplicaOwner(deps, 'default/web');
    expect(calls).toEqual([]);
    expect(logs[0]).toContain('"Near" is not a valid label selector operator');
  });
});

describe('relatedPods', () => {
  it('gathers the pods of every ReplicaSet sharing the controller, once each', () => {
    const v1 = replicaSet('web-v1', { controllerUid: 'uid-deploy', selector: { app: 'web', v: '1' } });
    const v2 = replicaSet('web-v2', { controllerUid: 'uid-deploy', selector: { app: 'web', v: '2' } });
    const stranger = replicaSet('other', { selector: { app: 'other' } });
    const pods = [pod('a', { labels: { app: 'web', v: '1' } }), pod('b', { labels: { app: 'web', v: '2' } }), pod('c', { labels: { app: 'other' } })];
    const deps = { kind: REPLICA_SET_KIND, owners: listerOf([v1, v2, stranger]), pods: listerOf(pods) };
    expect(relatedPods(deps, v1).map((p) => p.metadata?.name)).toEqual(['a', 'b']);
    expect(relatedPods(deps, stranger)).toEqual([]);
  });
});
