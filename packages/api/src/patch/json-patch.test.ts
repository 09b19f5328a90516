import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from './json-patch';
import { PatchError } from './errors';

const deployment = () => ({
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { replicas: 1, template: { spec: { containers: [{ name: 'a', image: 'nginx:1.26' }] } } },
});

describe('applyJsonPatch', () => {
  it.each([
    {
      name: 'replace the pod template (rollout undo)',
      ops: [{ op: 'replace', path: '/spec/template', value: { spec: { containers: [] } } }],
      check: (d: ReturnType<typeof deployment>) => expect(d.spec.template).toEqual({ spec: { containers: [] } }),
    },
    {
      name: 'add a label with an escaped key',
      ops: [{ op: 'add', path: '/metadata/labels/example.com~1tier', value: 'web' }],
      check: (d: ReturnType<typeof deployment>) => expect(d.metadata.labels).toEqual({ app: 'web', 'example.com/tier': 'web' }),
    },
    {
      name: 'append to a list with -',
      ops: [{ op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'b' } }],
      check: (d: ReturnType<typeof deployment>) => expect(d.spec.template.spec.containers.map((c) => c.name)).toEqual(['a', 'b']),
    },
    {
      name: 'test then remove',
      ops: [
        { op: 'test', path: '/spec/replicas', value: 1 },
        { op: 'remove', path: '/metadata/labels/app' },
      ],
      check: (d: ReturnType<typeof deployment>) => expect(d.metadata.labels).toEqual({}),
    },
    {
      name: 'move and copy',
      ops: [
        { op: 'copy', from: '/metadata/name', path: '/metadata/labels/name' },
        { op: 'move', from: '/spec/replicas', path: '/spec/count' },
      ],
      check: (d: Record<string, any>) => {
        expect(d.metadata.labels.name).toBe('web');
        expect(d.spec).toMatchObject({ count: 1 });
        expect(d.spec).not.toHaveProperty('replicas');
      },
    },
    {
      name: 'replace of a missing member sets it (evanphx v4 behaviour)',
      ops: [{ op: 'replace', path: '/spec/paused', value: true }],
      check: (d: Record<string, any>) => expect(d.spec.paused).toBe(true),
    },
  ])('$name', ({ ops, check }) => {
    const target = deployment();
    check(applyJsonPatch(target, ops) as never);
    expect(target).toEqual(deployment());
  });

  it.each([
    { name: 'failed test', ops: [{ op: 'test', path: '/spec/replicas', value: 2 }], message: 'testing value /spec/replicas failed: test failed', code: 422 },
    {
      name: 'remove of a missing key',
      ops: [{ op: 'remove', path: '/metadata/labels/nope' }],
      message: "error in remove for path: '/metadata/labels/nope': Unable to remove nonexistent key: nope: missing value",
      code: 422,
    },
    {
      name: 'add below a missing parent',
      ops: [{ op: 'add', path: '/status/x', value: 1 }],
      message: 'add operation does not apply: doc is missing path: "/status/x": missing value',
      code: 422,
    },
    {
      name: 'replace of a missing list index',
      ops: [{ op: 'replace', path: '/spec/template/spec/containers/5', value: {} }],
      message: 'replace operation does not apply: doc is missing key: /spec/template/spec/containers/5: missing value',
      code: 422,
    },
    { name: 'unknown op', ops: [{ op: 'frobnicate', path: '/a' }], message: 'Unexpected kind: frobnicate', code: 422 },
    { name: 'missing value', ops: [{ op: 'add', path: '/a' }], message: 'missing value field', code: 422 },
    { name: 'not a list', ops: { op: 'add' }, message: 'cannot unmarshal object', code: 400 },
    { name: 'operation not an object', ops: ['x'], message: 'cannot unmarshal string', code: 400 },
  ])('rejects $name', ({ ops, message, code }) => {
    let caught: unknown;
    try {
      applyJsonPatch(deployment(), ops);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PatchError);
    expect((caught as PatchError).message).toContain(message);
    expect((caught as PatchError).code).toBe(code);
  });

  it('stops at the first failing operation without touching the input', () => {
    const target = deployment();
    expect(() =>
      applyJsonPatch(target, [
        { op: 'replace', path: '/spec/replicas', value: 9 },
        { op: 'test', path: '/spec/replicas', value: 1 },
      ]),
    ).toThrow('testing value /spec/replicas failed');
    expect(target.spec.replicas).toBe(1);
  });
});
