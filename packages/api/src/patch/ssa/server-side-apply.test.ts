import { describe, expect, it } from 'vitest';
import { serverSideApply } from './server-side-apply';
import { trackUpdate } from './track-update';
import { patchMetaFor } from '../builtin-meta';
import { ConflictError, PatchError } from '../errors';
import type { KObject } from '../../registry/types';

const meta = patchMetaFor('apps', 'v1', 'Deployment');
const t0 = new Date('2026-03-01T10:00:00.123Z');
const t1 = new Date('2026-03-01T11:00:00Z');

function manifest(overrides: { replicas?: number; image?: string; labels?: Record<string, string>; containers?: object[] } = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: overrides.labels ?? { app: 'web' } },
    spec: {
      replicas: overrides.replicas ?? 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: overrides.containers ?? [{ name: 'nginx', image: overrides.image ?? 'nginx:1.26', ports: [{ containerPort: 80 }] }],
        },
      },
    },
  };
}

function apply(current: KObject | undefined, applied: object, manager = 'kubectl', force = false, now = t0) {
  return serverSideApply({ current, applied, manager, force, meta, now });
}

function entries(object: KObject) {
  return object.metadata?.managedFields as Array<Record<string, unknown>>;
}

describe('serverSideApply', () => {
  it('creates the object and records what the manager applied (FieldsV1, as upstream)', () => {
    const { object, created, changed } = apply(undefined, { ...manifest(), status: { replicas: 9 } });
    expect(created).toBe(true);
    expect(changed).toBe(true);
    expect(object).toMatchObject(manifest());
    expect(object).not.toHaveProperty('status');
    expect(entries(object)).toEqual([
      {
        manager: 'kubectl',
        operation: 'Apply',
        apiVersion: 'apps/v1',
        time: '2026-03-01T10:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': {
            'f:replicas': {},
            'f:selector': {},
            'f:template': {
              'f:metadata': { 'f:labels': { 'f:app': {} } },
              'f:spec': {
                'f:containers': {
                  'k:{"name":"nginx"}': {
                    '.': {},
                    'f:image': {},
                    'f:name': {},
                    'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
                  },
                },
              },
            },
          },
        },
      },
    ]);
  });

  it('re-applying the same configuration changes nothing and keeps the time', () => {
    const { object } = apply(undefined, manifest());
    const again = apply(object, manifest(), 'kubectl', false, t1);
    expect(again.changed).toBe(false);
    expect(again.object).toEqual(object);
  });

  it('merges into the live object, keeping fields set by the server and other managers', () => {
    const live = {
      ...apply(undefined, manifest()).object,
      status: { replicas: 2 },
    } as KObject;
    (live.spec as { progressDeadlineSeconds?: number }).progressDeadlineSeconds = 600;
    const { object } = apply(live, manifest({ image: 'nginx:1.27' }));
    expect(object.status).toEqual({ replicas: 2 });
    expect(object.spec).toMatchObject({ progressDeadlineSeconds: 600, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } });
  });

  it('removes fields the manager applied before and no longer applies', () => {
    const first = apply(undefined, manifest({ labels: { app: 'web', tier: 'front' } })).object;
    const { object } = apply(first, manifest({ labels: { app: 'web' } }));
    expect(object.metadata?.labels).toEqual({ app: 'web' });
  });

  it('removes a struct it filled once nobody owns anything in it, server defaults included', () => {
    const base = manifest();
    const withSurge = { ...base, spec: { ...base.spec, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } };
    const created = apply(undefined, withSurge).object;
    const defaulted = structuredClone(created) as KObject & { spec: { strategy: { rollingUpdate: Record<string, unknown> } } };
    defaulted.spec.strategy.rollingUpdate.maxUnavailable = '25%';
    const { object } = apply(defaulted, { ...base, spec: { ...base.spec, strategy: { type: 'RollingUpdate' } } });
    expect((object.spec as { strategy: object }).strategy).toEqual({ type: 'RollingUpdate' });
  });

  it('keeps metadata when the manager stops applying every label', () => {
    const first = apply(undefined, manifest()).object;
    const { metadata, ...rest } = manifest();
    const { object } = apply(first, { ...rest, metadata: { name: metadata.name, namespace: metadata.namespace } });
    expect(object.metadata).toMatchObject({ name: 'web', namespace: 'default' });
    expect(object.metadata).not.toHaveProperty('labels');
  });

  it('owns set items of primitive merge lists by value', () => {
    const { object } = apply(undefined, { ...manifest(), metadata: { name: 'web', finalizers: ['example.com/a'] } });
    expect(entries(object)[0].fieldsV1).toHaveProperty(['f:metadata', 'f:finalizers', 'v:"example.com/a"']);
  });

  it('keeps a dropped field another manager also owns', () => {
    const first = apply(undefined, manifest({ labels: { app: 'web', tier: 'front' } })).object;
    const shared = apply(first, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { tier: 'front' } } }, 'other').object;
    const { object } = apply(shared, manifest({ labels: { app: 'web' } }));
    expect(object.metadata?.labels).toEqual({ app: 'web', tier: 'front' });
  });

  it('merges list maps by key: another manager’s container survives', () => {
    const first = apply(undefined, manifest()).object;
    const sidecar = { name: 'sidecar', image: 'envoy' };
    const withSidecar = apply(
      first,
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { template: { spec: { containers: [sidecar] } } } },
      'mesh',
    ).object;
    const { object } = apply(withSidecar, manifest({ image: 'nginx:1.27' }));
    const names = (object.spec as { template: { spec: { containers: { name: string }[] } } }).template.spec.containers.map((c) => c.name);
    expect(names).toEqual(['nginx', 'sidecar']);
  });

  it('refuses to change a field another applier owns', () => {
    const first = apply(undefined, manifest({ replicas: 2 }), 'alice').object;
    const attempt = () => apply(first, manifest({ replicas: 5 }), 'bob');
    expect(attempt).toThrow(ConflictError);
    expect(attempt).toThrow('Apply failed with 1 conflict: conflict with "alice": .spec.replicas');
    try {
      attempt();
    } catch (error) {
      expect((error as ConflictError).causes).toEqual([{ type: 'FieldManagerConflict', message: 'conflict with "alice"', field: '.spec.replicas' }]);
    }
  });

  it('shares a field when both appliers apply the same value', () => {
    const first = apply(undefined, manifest(), 'alice').object;
    const { object } = apply(first, manifest(), 'bob');
    expect(entries(object).map((e) => e.manager)).toEqual(['alice', 'bob']);
  });

  it('force takes the field over', () => {
    const first = apply(undefined, manifest({ replicas: 2 }), 'alice').object;
    const { object } = apply(first, manifest({ replicas: 5 }), 'bob', true);
    expect((object.spec as { replicas: number }).replicas).toBe(5);
    const alice = entries(object).find((e) => e.manager === 'alice')!;
    expect(alice.fieldsV1).not.toHaveProperty(['f:spec', 'f:replicas']);
    expect((alice.fieldsV1 as { 'f:spec': object })['f:spec']).toHaveProperty('f:selector');
  });

  it('conflicts with an update manager such as client-side apply, naming its version', () => {
    const created = trackUpdate({ previous: undefined, updated: manifest() as KObject, manager: 'kubectl-client-side-apply', meta, now: t0 });
    expect(() => apply(created, manifest({ replicas: 3 }))).toThrow(
      'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas',
    );
  });

  it('lists several conflicts grouped by manager', () => {
    const first = apply(undefined, manifest(), 'alice').object;
    const attempt = () => apply(first, manifest({ replicas: 7, image: 'nginx:2' }), 'bob');
    expect(attempt).toThrow(
      'Apply failed with 2 conflicts: conflicts with "alice":\n- .spec.replicas\n- .spec.template.spec.containers[name="nginx"].image',
    );
  });

  it.each([
    { name: 'a body that is not an object', body: [1], message: 'must be an object' },
    { name: 'managedFields in the body', body: { ...manifest(), metadata: { name: 'web', managedFields: [] } }, message: 'metadata.managedFields must be nil' },
  ])('rejects $name', ({ body, message }) => {
    expect(() => apply(undefined, body)).toThrow(new PatchError(message, 400).message);
  });

  it('rejects duplicate list-map keys in the applied configuration', () => {
    const body = manifest({ containers: [{ name: 'a', image: 'x' }, { name: 'a', image: 'y' }] });
    expect(() => apply(undefined, body)).toThrow('duplicate entries for key [name="a"]');
  });
});

describe('trackUpdate', () => {
  it('gives a create all written fields as an Update entry', () => {
    const created = trackUpdate({ previous: undefined, updated: manifest() as KObject, manager: 'kubectl-create', meta, now: t0 });
    const [entry] = entries(created);
    expect(entry).toMatchObject({ manager: 'kubectl-create', operation: 'Update', apiVersion: 'apps/v1', time: '2026-03-01T10:00:00Z' });
    expect(entry.fieldsV1).toHaveProperty(['f:spec', 'f:replicas']);
    expect(entry.fieldsV1).not.toHaveProperty(['f:metadata', 'f:name']);
  });

  it('moves changed fields to the writer', () => {
    const created = trackUpdate({ previous: undefined, updated: manifest() as KObject, manager: 'a', meta, now: t0 });
    const scaled = { ...created, spec: { ...(created.spec as object), replicas: 9 } } as KObject;
    const updated = trackUpdate({ previous: created, updated: scaled, manager: 'b', meta, now: t1 });
    const [a, b] = entries(updated);
    expect(a.manager).toBe('a');
    expect(a.fieldsV1).not.toHaveProperty(['f:spec', 'f:replicas']);
    expect(b).toMatchObject({ manager: 'b', time: '2026-03-01T11:00:00Z', fieldsV1: { 'f:spec': { 'f:replicas': {} } } });
  });

  it('a write that changes nothing records nothing', () => {
    const created = trackUpdate({ previous: undefined, updated: manifest() as KObject, manager: 'a', meta, now: t0 });
    expect(trackUpdate({ previous: created, updated: created, manager: 'b', meta, now: t1 })).toEqual(created);
  });

  it('an empty managedFields list in the request resets ownership', () => {
    const created = trackUpdate({ previous: undefined, updated: manifest() as KObject, manager: 'a', meta, now: t0 });
    const reset = { ...created, metadata: { ...created.metadata, managedFields: [] } } as KObject;
    expect(trackUpdate({ previous: created, updated: reset, manager: 'b', meta, now: t1 }).metadata).not.toHaveProperty('managedFields');
  });

  it('a status write owns only status, under its subresource', () => {
    const created = trackUpdate({ previous: undefined, updated: manifest() as KObject, manager: 'a', meta, now: t0 });
    const withStatus = { ...created, spec: { replicas: 1 }, status: { replicas: 2 } } as KObject;
    const updated = trackUpdate({ previous: created, updated: withStatus, manager: 'controller', meta, now: t1, subresource: 'status' });
    const status = entries(updated).find((e) => e.manager === 'controller')!;
    expect(status).toMatchObject({ subresource: 'status', fieldsV1: { 'f:status': { 'f:replicas': {} } } });
    expect(entries(updated).find((e) => e.manager === 'a')!.fieldsV1).toHaveProperty(['f:spec', 'f:replicas']);
  });
});
