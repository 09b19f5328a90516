import { describe, it, expect } from 'vitest';
import { KUBECTL_TABLE_OPTIONS, StringSink, TabWriter } from '../tabwriter';
import { WatchEventObject } from '../printer';
import { CustomColumnsPrinter, parseCustomColumnsSpec, parseCustomColumnsTemplate } from './custom-columns';

const pods = {
  apiVersion: 'v1',
  kind: 'List',
  items: [
    { metadata: { name: 'web-1', labels: { app: 'web' } }, spec: { containers: [{ image: 'nginx' }, { image: 'busybox' }] } },
    { metadata: { name: 'db' }, spec: { containers: [{ image: 'redis' }] } },
  ],
};

describe('custom columns', () => {
  it('parses specs with relaxed paths and rejects bad ones', () => {
    expect(parseCustomColumnsSpec('NAME:metadata.name,IMAGE:{.spec.containers[*].image}')).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'IMAGE', fieldSpec: '{.spec.containers[*].image}' },
    ]);
    expect(() => parseCustomColumnsSpec('NAME')).toThrow('unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>');
    expect(() => parseCustomColumnsSpec('')).toThrow('custom-columns format specified but no custom columns given');
    expect(() => parseCustomColumnsTemplate('NAME IMAGE\n.metadata.name\n')).toThrow("number of headers (2) and field specifications (1) don't match");
    expect(parseCustomColumnsTemplate('NAME   APP\n.metadata.name   .metadata.labels.app\n')).toHaveLength(2);
  });

  it('prints <none> for missing values and joins several with commas', () => {
    const sink = new StringSink();
    new CustomColumnsPrinter(parseCustomColumnsSpec('NAME:.metadata.name,IMAGES:.spec.containers[*].image,APP:.metadata.labels.app,LABELS:.metadata.labels'), false).print(
      pods,
      sink,
    );
    expect(sink.text).toBe('NAME    IMAGES          APP      LABELS\nweb-1   nginx,busybox   web      map[app:web]\ndb      redis           <none>   <none>\n');
  });

  it('aligns through a shared tabwriter with remembered widths (watch, get_test.go)', () => {
    const sink = new StringSink();
    const w = new TabWriter(sink, KUBECTL_TABLE_OPTIONS);
    const p = new CustomColumnsPrinter(parseCustomColumnsSpec('TYPE:.type,NAME:.object.metadata.name,RSRC:.object.metadata.resourceVersion'), false);
    const ev = (t: string, n: string, rv: string) => new WatchEventObject(t, { apiVersion: 'v1', kind: 'Pod', metadata: { name: n, resourceVersion: rv } });
    p.print(ev('ADDED', 'bar', '9'), w);
    p.print(ev('ADDED', 'foo', '10'), w);
    w.flush();
    for (const e of [ev('MODIFIED', 'foo', '11'), ev('DELETED', 'foo', '12')]) {
      p.print(e, w);
      w.flush();
    }
    expect(sink.text).toBe('TYPE    NAME   RSRC\nADDED   bar    9\nADDED   foo    10\nMODIFIED   foo    11\nDELETED    foo    12\n');
  });
});
