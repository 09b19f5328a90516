import { describe, expect, it } from 'vitest';
import { createThreeWayJsonMergePatch, createThreeWayStrategicMergePatch } from './three-way';
import { applyStrategicMergePatch } from './smp-apply';
import { applyMergePatch } from './merge-patch';
import { patchMetaFor } from './builtin-meta';
import { VERIFIED_APPLY_PATCH, liveBefore, manifestAfter, manifestBefore } from './testdata/kubectl-apply-example';

const meta = patchMetaFor('apps', 'v1', 'Deployment');

/** Client-side apply end to end: the patch kubectl would send and the object the server would store. */
function apply(original: object | undefined, modified: object, current: object) {
  const patch = createThreeWayStrategicMergePatch(
    original as Record<string, unknown>,
    modified as Record<string, unknown>,
    current as Record<string, unknown>,
    meta,
  );
  return { patch, result: applyStrategicMergePatch(current, patch, meta) };
}

describe('createThreeWayStrategicMergePatch', () => {
  it('reproduces the patch kubectl 1.32 sent (kubectl-compat.md §4.2)', () => {
    const { patch } = apply(manifestBefore(), manifestAfter(), liveBefore());
    expect(patch).toEqual(VERIFIED_APPLY_PATCH);
  });

  it('applying that patch yields the new manifest and keeps server-set fields', () => {
    const { result } = apply(manifestBefore(), manifestAfter(), liveBefore());
    const live = liveBefore();
    expect(result.status).toEqual(live.status);
    expect(result.metadata).toEqual({ ...live.metadata, labels: { x: '1' }, finalizers: ['example.com/f1'] });
    expect(result.spec).toMatchObject({ progressDeadlineSeconds: 600, strategy: { type: 'Recreate' } });
    const [container, ...others] = (result.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec.containers;
    expect(others).toEqual([]);
    expect(container).toEqual({
      ...manifestAfter().spec.template.spec.containers[0],
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      terminationMessagePath: '/dev/termination-log',
      imagePullPolicy: 'Always',
    });
  });

  it('yields {} when the manifest did not change', () => {
    const { result: afterFirst } = apply(manifestBefore(), manifestAfter(), liveBefore());
    expect(createThreeWayStrategicMergePatch(manifestAfter(), manifestAfter(), afterFirst, meta)).toEqual({});
    expect(createThreeWayStrategicMergePatch(manifestBefore(), manifestBefore(), liveBefore(), meta)).toEqual({});
  });

  it('sends only the changed image (with the container order)', () => {
    const modified = manifestBefore();
    modified.spec.template.spec.containers[1].image = 'nginx:1.27';
    expect(createThreeWayStrategicMergePatch(manifestBefore(), modified, liveBefore(), meta)).toEqual({
      spec: {
        template: {
          spec: { '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }], containers: [{ image: 'nginx:1.27', name: 'b' }] },
        },
      },
    });
  });

  it.each([
    {
      name: 'a label',
      edit: (m: ReturnType<typeof manifestBefore>) => void (m.metadata.labels = { x: '1' } as typeof m.metadata.labels),
      want: { metadata: { labels: { y: null } } },
    },
    {
      name: 'a container',
      edit: (m: ReturnType<typeof manifestBefore>) => void m.spec.template.spec.containers.pop(),
      want: {
        spec: {
          template: {
            spec: { '$setElementOrder/containers': [{ name: 'a' }], containers: [{ $patch: 'delete', name: 'b' }] },
          },
        },
      },
    },
    {
      name: 'an env var',
      edit: (m: ReturnType<typeof manifestBefore>) => void m.spec.template.spec.containers[0].env?.shift(),
      want: {
        spec: {
          template: {
            spec: {
              '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }],
              containers: [{ name: 'a', '$setElementOrder/env': [{ name: 'E2' }], env: [{ $patch: 'delete', name: 'E1' }] }],
            },
          },
        },
      },
    },
    {
      name: 'a finalizer',
      edit: (m: ReturnType<typeof manifestBefore>) => void m.metadata.finalizers.pop(),
      want: {
        metadata: { '$deleteFromPrimitiveList/finalizers': ['example.com/f2'], '$setElementOrder/finalizers': ['example.com/f1'] },
      },
    },
  ])('emits deletion directives when the manifest drops $name', ({ edit, want }) => {
    const modified = manifestBefore();
    edit(modified);
    expect(createThreeWayStrategicMergePatch(manifestBefore(), modified, liveBefore(), meta)).toEqual(want);
  });

  it('never removes fields only the server or other tools set', () => {
    const current = liveBefore();
    current.metadata.labels = { ...current.metadata.labels, addedByOther: 'yes' } as typeof current.metadata.labels;
    const { patch, result } = apply(manifestBefore(), manifestBefore(), current);
    expect(patch).toEqual({});
    expect(result).toEqual(current);
  });

  it('overwrites a field another tool changed when the manifest sets it (overwrite=true)', () => {
    const current = liveBefore();
    current.spec.replicas = 5;
    const { patch, result } = apply(manifestBefore(), manifestBefore(), current);
    expect(patch).toEqual({ spec: { replicas: 1 } });
    expect((result.spec as { replicas: number }).replicas).toBe(1);
  });

  it('without a last-applied configuration only adds and changes', () => {
    const { patch } = apply(undefined, manifestAfter(), liveBefore());
    expect(patch).not.toHaveProperty('metadata.labels');
    expect(JSON.stringify(patch)).not.toContain('$patch');
  });
});

describe('createThreeWayJsonMergePatch', () => {
  const original = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size: 1, tags: ['a', 'b'], old: true } };
  const current = { ...original, metadata: { ...original.metadata, uid: 'u' }, spec: { ...original.spec, defaulted: 3 }, status: { ok: true } };

  it('yields {} for an unchanged manifest', () => {
    expect(createThreeWayJsonMergePatch(original, original, current)).toEqual({});
  });

  it('replaces lists, sets changes and nulls what the manifest dropped, keeping server fields', () => {
    const modified = { ...original, spec: { size: 2, tags: ['b'] } };
    const patch = createThreeWayJsonMergePatch(original, modified, current);
    expect(patch).toEqual({ spec: { size: 2, tags: ['b'], old: null } });
    expect(applyMergePatch(current, patch)).toEqual({
      ...current,
      spec: { size: 2, tags: ['b'], defaulted: 3 },
    });
  });

  it('keeps an explicitly empty map as a value', () => {
    const modified = { ...original, spec: { ...original.spec, extra: {} } };
    expect(createThreeWayJsonMergePatch(original, modified, current)).toEqual({ spec: { extra: {} } });
  });
});
