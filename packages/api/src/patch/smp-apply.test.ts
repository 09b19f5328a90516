import { describe, expect, it } from 'vitest';
import { applyStrategicMergePatch } from './smp-apply';
import { patchMetaFor } from './builtin-meta';
import { PatchError } from './errors';
import type { FieldMeta } from './patch-meta';
import { VERIFIED_APPLY_PATCH, liveBefore, manifestAfter } from './testdata/kubectl-apply-example';

/** A small schema exercising every strategy: keyed list, primitive set, atomic list, retainKeys, replace. */
const item: { fields: Record<string, FieldMeta> } = { fields: {} };
Object.assign(item.fields, {
  things: { patchStrategy: 'merge', mergeKey: 'name', items: item },
  tags: { patchStrategy: 'merge' },
  args: {},
  source: { retainKeys: true },
  blob: { patchStrategy: 'replace' },
});
const meta: FieldMeta = item;

const cases: Array<{ name: string; original: object; patch: object; want: object }> = [
  { name: 'adds and replaces scalars', original: { a: 1, b: 'x' }, patch: { b: 'y', c: true }, want: { a: 1, b: 'y', c: true } },
  { name: 'null deletes a key', original: { a: 1, b: 2 }, patch: { a: null }, want: { b: 2 } },
  { name: 'null for a missing key is ignored', original: { a: 1 }, patch: { z: null }, want: { a: 1 } },
  { name: 'maps merge recursively', original: { m: { a: 1, b: 2 } }, patch: { m: { b: 3, c: 4 } }, want: { m: { a: 1, b: 3, c: 4 } } },
  { name: 'new maps lose their nulls', original: {}, patch: { m: { a: 1, b: null } }, want: { m: { a: 1 } } },
  {
    name: 'keyed list merges by key, appends unknown items',
    original: { things: [{ name: 'a', v: 1 }, { name: 'b', v: 2 }] },
    patch: { things: [{ name: 'b', v: 3 }, { name: 'c', v: 4 }] },
    want: { things: [{ name: 'a', v: 1 }, { name: 'b', v: 3 }, { name: 'c', v: 4 }] },
  },
  {
    name: '$patch: delete removes an element',
    original: { things: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
    patch: { things: [{ name: 'b', $patch: 'delete' }] },
    want: { things: [{ name: 'a' }, { name: 'c' }] },
  },
  {
    name: '$patch: replace in a list replaces the list',
    original: { things: [{ name: 'a' }, { name: 'b' }] },
    patch: { things: [{ $patch: 'replace' }, { name: 'z' }] },
    want: { things: [{ name: 'z' }] },
  },
  { name: '$patch: replace on a map', original: { m: { a: 1, b: 2 } }, patch: { m: { $patch: 'replace', c: 3 } }, want: { m: { c: 3 } } },
  { name: '$patch: delete on a map empties it', original: { m: { a: 1 } }, patch: { m: { $patch: 'delete' } }, want: { m: {} } },
  { name: '$patch: delete on a missing map', original: { a: 1 }, patch: { m: { $patch: 'delete' } }, want: { a: 1 } },
  { name: 'primitive merge list is a set union', original: { tags: ['a', 'b'] }, patch: { tags: ['b', 'c'] }, want: { tags: ['a', 'b', 'c'] } },
  {
    name: '$deleteFromPrimitiveList removes values',
    original: { tags: ['a', 'b', 'c'] },
    patch: { '$deleteFromPrimitiveList/tags': ['b', 'zz'] },
    want: { tags: ['a', 'c'] },
  },
  { name: 'atomic lists are replaced', original: { args: ['a', 'b'] }, patch: { args: ['c'] }, want: { args: ['c'] } },
  {
    name: '$setElementOrder reorders; a server-only item stays before its live successor',
    original: { things: [{ name: 'a' }, { name: 'server' }, { name: 'b' }] },
    patch: { '$setElementOrder/things': [{ name: 'b' }, { name: 'a' }] },
    want: { things: [{ name: 'server' }, { name: 'b' }, { name: 'a' }] },
  },
  {
    name: '$setElementOrder with additions and deletions',
    original: { things: [{ name: 'a' }, { name: 'b' }, { name: 'server' }] },
    patch: { '$setElementOrder/things': [{ name: 'a' }, { name: 'c' }], things: [{ name: 'c' }, { name: 'b', $patch: 'delete' }] },
    want: { things: [{ name: 'a' }, { name: 'server' }, { name: 'c' }] },
  },
  {
    name: '$setElementOrder on a primitive list',
    original: { tags: ['a', 'b', 'c'] },
    patch: { '$setElementOrder/tags': ['c', 'a'], '$deleteFromPrimitiveList/tags': ['b'] },
    want: { tags: ['c', 'a'] },
  },
  {
    name: '$retainKeys clears unlisted keys',
    original: { source: { type: 'A', a: { x: 1 }, keep: 1 } },
    patch: { source: { $retainKeys: ['type', 'b', 'keep'], type: 'B', b: { y: 2 }, a: null } },
    want: { source: { type: 'B', b: { y: 2 }, keep: 1 } },
  },
  { name: 'replace strategy swaps the map', original: { blob: { a: 1 } }, patch: { blob: { b: 2 } }, want: { blob: { b: 2 } } },
  {
    // Without $setElementOrder a new item has no anchor in the live list and goes first, as upstream.
    name: 'nested keyed lists merge inside matched items',
    original: { things: [{ name: 'a', things: [{ name: 'x', v: 1 }] }] },
    patch: { things: [{ name: 'a', things: [{ name: 'y', v: 2 }] }] },
    want: { things: [{ name: 'a', things: [{ name: 'y', v: 2 }, { name: 'x', v: 1 }] }] },
  },
  {
    name: 'appended items lose nulls and directive keys',
    original: { things: [] },
    patch: { things: [{ name: 'n', gone: null, '$setElementOrder/things': [] }] },
    want: { things: [{ name: 'n' }] },
  },
  { name: 'type change replaces', original: { a: { b: 1 } }, patch: { a: 'str' }, want: { a: 'str' } },
];

describe('applyStrategicMergePatch', () => {
  it.each(cases)('$name', ({ original, patch, want }) => {
    expect(applyStrategicMergePatch(original, patch, meta)).toEqual(want);
  });

  it('does not modify its inputs', () => {
    const original = { things: [{ name: 'a', v: 1 }], m: { a: 1 } };
    const patch = { things: [{ name: 'a', v: 2 }, { name: 'b', $patch: 'delete' }], m: { a: null } };
    const before = JSON.stringify([original, patch]);
    applyStrategicMergePatch(original, patch, meta);
    expect(JSON.stringify([original, patch])).toBe(before);
  });

  it.each([
    { name: 'element without merge key', patch: { things: [{ v: 1 }] }, message: 'does not contain declared merge key: name', code: 500 },
    { name: 'unknown $patch', patch: { m: { $patch: 'nope' } }, message: 'unknown patch type: nope', code: 500 },
    { name: 'merge directive in a list', patch: { things: [{ $patch: 'merge', name: 'a' }] }, message: 'merging lists cannot yet be specified', code: 500 },
    { name: 'bad $retainKeys', patch: { source: { $retainKeys: 'x' } }, message: 'invalid patch format of retainKeys', code: 400 },
    { name: 'key outside $retainKeys', patch: { source: { $retainKeys: ['a'], b: 1 } }, message: 'invalid patch format of retainKeys', code: 400 },
    { name: 'list of lists', patch: { tags: [[1]] }, message: 'lists of lists are not supported', code: 422 },
    { name: 'mixed element types', patch: { things: [1] }, message: 'list element types are not identical', code: 500 },
    {
      name: 'patch order contradicting $setElementOrder',
      patch: { '$setElementOrder/things': [{ name: 'a' }, { name: 'b' }], things: [{ name: 'b' }, { name: 'a' }] },
      message: "doesn't match $setElementOrder list",
      code: 500,
    },
  ])('rejects $name', ({ patch, message, code }) => {
    const original = { things: [{ name: 'a' }, { name: 'b' }], tags: [], m: {}, source: { a: 1 } };
    const run = () => applyStrategicMergePatch(original, patch, meta);
    expect(run).toThrow(PatchError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect((error as PatchError).code).toBe(code);
    }
  });

  it('rejects a patch that is not an object', () => {
    expect(() => applyStrategicMergePatch({}, [1], meta)).toThrow(PatchError);
  });
});

const deploymentMeta = patchMetaFor('apps', 'v1', 'Deployment');

describe('kubectl patches on a Deployment', () => {
  it('applies the verified client-side apply patch of kubectl-compat.md §4.2', () => {
    const result = applyStrategicMergePatch(liveBefore(), VERIFIED_APPLY_PATCH, deploymentMeta);
    const want = liveBefore();
    const after = manifestAfter();
    want.metadata.labels = after.metadata.labels;
    want.metadata.finalizers = after.metadata.finalizers;
    want.spec.strategy = { type: 'Recreate' } as typeof want.spec.strategy;
    want.spec.template.spec.containers = [
      {
        ...want.spec.template.spec.containers[0],
        args: ['sleep', '7200'],
        env: after.spec.template.spec.containers[0].env,
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        volumeMounts: after.spec.template.spec.containers[0].volumeMounts,
      },
    ];
    want.spec.template.spec.volumes = after.spec.template.spec.volumes;
    expect(result).toEqual(want);
  });

  it('applies `kubectl set image` to one container, leaving the other untouched', () => {
    const patch = {
      spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }], containers: [{ image: 'nginx:1.27', name: 'b' }] } } },
    };
    const result = applyStrategicMergePatch(liveBefore(), patch, deploymentMeta);
    const want = liveBefore();
    want.spec.template.spec.containers[1] = { ...want.spec.template.spec.containers[1], image: 'nginx:1.27' };
    expect(result).toEqual(want);
  });

  it('applies `kubectl rollout restart`', () => {
    const patch = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-02T03:04:05Z' } } } } };
    const result = applyStrategicMergePatch(liveBefore(), patch, deploymentMeta);
    const want = liveBefore();
    want.spec.template.metadata = {
      ...want.spec.template.metadata,
      annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-02T03:04:05Z' },
    } as typeof want.spec.template.metadata;
    expect(result).toEqual(want);
  });

  it('applies `kubectl rollout pause` then `resume`', () => {
    const paused = applyStrategicMergePatch(liveBefore(), { spec: { paused: true } }, deploymentMeta);
    expect(paused.spec).toEqual({ ...liveBefore().spec, paused: true });
    const resumed = applyStrategicMergePatch(paused, { spec: { paused: null } }, deploymentMeta);
    expect(resumed).toEqual(liveBefore());
  });
});
