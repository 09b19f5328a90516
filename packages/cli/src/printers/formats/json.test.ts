import { describe, it, expect } from 'vitest';
import { StringSink } from '../tabwriter';
import { WatchEventObject } from '../printer';
import { JsonPrinter } from './json';
import { YamlPrinter } from './yaml';

const status = { apiVersion: 'v1', kind: 'Status', metadata: {}, status: 'Success' };

describe('JsonPrinter', () => {
  it('prints a List as kubectl get -o json does (TestGetMixedGenericObjects)', () => {
    const sink = new StringSink();
    new JsonPrinter().print({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: [status] }, sink);
    expect(sink.text).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [\n        {\n            "apiVersion": "v1",\n            "kind": "Status",\n            "metadata": {},\n            "status": "Success"\n        }\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    );
  });

  it('prints watch events compactly with type first and escapes HTML characters', () => {
    const sink = new StringSink();
    new JsonPrinter().print(new WatchEventObject('ADDED', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a<b>' } }), sink);
    expect(sink.text).toBe('{"type":"ADDED","object":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a\\u003cb\\u003e"}}}\n');
  });

  it('refuses objects without apiVersion and kind', () => {
    expect(() => new JsonPrinter().print({ metadata: {} }, new StringSink())).toThrow('missing apiVersion or kind');
  });
});

describe('YamlPrinter', () => {
  it('separates documents with ---', () => {
    const sink = new StringSink();
    const p = new YamlPrinter();
    p.print({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } }, sink);
    p.print(new WatchEventObject('DELETED', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b' } }), sink);
    expect(sink.text).toBe('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\nobject:\n  apiVersion: v1\n  kind: Pod\n  metadata:\n    name: b\ntype: DELETED\n');
  });
});
