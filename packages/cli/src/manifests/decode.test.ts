import { describe, expect, it } from 'vitest';
import { decodeManifest } from './decode';

describe('decodeManifest', () => {
  it('splits multi-document YAML, skipping empty and null documents', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\n---\n# only a comment\n---\nnull\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n';
    const { docs, errors } = decodeManifest(text, 'pods.yaml');
    expect(errors).toEqual([]);
    expect(docs.map((d) => d.object.metadata?.name)).toEqual(['a', 'b']);
    expect(docs.every((d) => d.source === 'pods.yaml')).toBe(true);
  });

  it('reads YAML 1.1 scalars like kubectl (y is true) but keeps timestamps as strings', () => {
    const { docs } = decodeManifest('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    y: on\ndata:\n  when: 2001-12-14\n', 'cm.yaml');
    expect(docs[0]!.object.metadata?.labels).toEqual({ true: true });
    expect(docs[0]!.object.data).toEqual({ when: '2001-12-14' });
  });

  it('reads a JSON stream of several objects', () => {
    const { docs, errors } = decodeManifest('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}}\n{"apiVersion":"v1","kind":"Pod","metadata":{"name":"b}"}}', 'p.json');
    expect(errors).toEqual([]);
    expect(docs.map((d) => d.object.metadata?.name)).toEqual(['a', 'b}']);
  });

  it('flattens List items, which inherit apiVersion and kind from a typed list', () => {
    const text = JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } },
        { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } }] },
      ],
    });
    const typed = JSON.stringify({ apiVersion: 'v1', kind: 'PodList', items: [{ metadata: { name: 'p' } }] });
    expect(decodeManifest(text, 'l.json').docs.map((d) => `${d.object.kind}/${d.object.metadata?.name}`)).toEqual(['Service/s', 'Deployment/d']);
    expect(decodeManifest(typed, 'l.json').docs[0]!.object).toMatchObject({ apiVersion: 'v1', kind: 'Pod' });
  });

  it("reports a missing kind as the unstructured decoder does, and continues with the next document", () => {
    const { docs, errors } = decodeManifest('apiVersion: v1\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\n', 'x.yaml');
    expect(docs).toHaveLength(1);
    expect(errors.map((e) => e.message)).toEqual([`unable to decode "x.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}'`]);
  });

  it('stops a file at a syntax error but keeps the documents before it', () => {
    const { docs, errors } = decodeManifest('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\nkind: Pod\n  bad: [\n', 'bad.yaml');
    expect(docs).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^error parsing bad\.yaml: error converting YAML to JSON: yaml: line \d+: /);
  });

  it("validates apiVersion and kind first when asked, stopping the file like kubectl's --validate", () => {
    const text = 'metadata:\n  name: x\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\n';
    const { docs, errors } = decodeManifest(text, 'x.yaml', { validate: true });
    expect(docs).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual([
      'error validating "x.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    ]);
    expect(decodeManifest('apiVersion: v1\nmetadata: {}\n', 'y.yaml', { validate: true }).errors[0]!.message).toContain('error validating data: kind not set;');
  });

  it('rejects documents that are not objects', () => {
    const { errors } = decodeManifest('- a\n- b\n', 'list.yaml');
    expect(errors[0]!.message).toBe('unable to decode "list.yaml": json: cannot unmarshal array into Go value of type map[string]interface {}');
  });
});
