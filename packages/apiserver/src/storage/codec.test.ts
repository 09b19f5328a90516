import { describe, expect, it } from 'vitest';
import { decodeObject, encodeObject, listItem, listItemJson } from './codec';

describe('codec', () => {
  it('stores apiVersion, kind and metadata first, without the resourceVersion', () => {
    const value = encodeObject({ spec: { a: 1 }, metadata: { name: 'x', resourceVersion: '9' }, kind: 'Pod', apiVersion: 'v1' });
    expect(value).toBe('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"},"spec":{"a":1}}');
    expect(decodeObject({ value, modRevision: 12 })).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', resourceVersion: '12' }, spec: { a: 1 } });
  });

  it('turns a stored value into the list item decoding would give, without decoding it', () => {
    for (const obj of [
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { 'a"b': 'c' } }, spec: { replicas: 2 } },
      { apiVersion: 'v1', kind: 'Namespace', metadata: {} },
    ]) {
      const kv = { value: encodeObject(obj), modRevision: 7 };
      expect(JSON.parse(listItemJson(kv)!)).toEqual(listItem(decodeObject(kv)));
    }
  });

  it('leaves values in another layout (written by an older mk) to be decoded', () => {
    expect(listItemJson({ value: '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"x"}}', modRevision: 3 })).toBeUndefined();
  });
});
