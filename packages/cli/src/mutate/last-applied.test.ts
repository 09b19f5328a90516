import { describe, expect, it } from 'vitest';
import { LAST_APPLIED_ANNOTATION, lastAppliedValue, pruneNulls, readLastApplied, withLastApplied } from './last-applied';

const manifest = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas: 2, template: { spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
};

describe('last-applied-configuration', () => {
  it('is the manifest as Go encodes it: sorted keys, empty annotations, trailing newline', () => {
    expect(lastAppliedValue(manifest)).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web","namespace":"default"},' +
        '"spec":{"replicas":2,"template":{"spec":{"containers":[{"image":"nginx","name":"nginx"}]}}}}\n',
    );
  });

  it('keeps other annotations but never nests an old last-applied value', () => {
    const old = { ...manifest, metadata: { ...manifest.metadata, annotations: { team: 'a', [LAST_APPLIED_ANNOTATION]: '{"old":true}' } } };
    expect(lastAppliedValue(old)).toContain('"annotations":{"team":"a"}');
    const modified = withLastApplied(old);
    expect(modified.metadata?.annotations).toEqual({ team: 'a', [LAST_APPLIED_ANNOTATION]: lastAppliedValue(old) });
    expect(old.metadata.annotations[LAST_APPLIED_ANNOTATION]).toBe('{"old":true}');
  });

  it('reads the live annotation back, tolerating its absence', () => {
    expect(readLastApplied(withLastApplied(manifest))).toMatchObject({ kind: 'Deployment', metadata: { annotations: {} } });
    expect(readLastApplied(manifest)).toBeUndefined();
    expect(readLastApplied({ metadata: { annotations: { [LAST_APPLIED_ANNOTATION]: 'not json' } } })).toBeUndefined();
  });

  it('drops null map values for a create, at any depth', () => {
    expect(pruneNulls({ a: null, b: { c: null, d: 1 }, e: [{ f: null }, null] })).toEqual({ b: { d: 1 }, e: [{}, null] });
  });
});
