import { describe, expect, it } from 'vitest';
import { FieldSet } from './field-set';
import { formatPath, keyElement, parseElement, serializeElement, type FieldPath } from './field-path';

const f = (field: string) => ({ field });
const containers: FieldPath = [f('spec'), f('containers')];
const web = keyElement({ name: 'web' });

describe('field paths', () => {
  it.each([
    { element: f('replicas'), text: 'f:replicas' },
    { element: keyElement({ protocol: 'TCP', containerPort: 80 }), text: 'k:{"containerPort":80,"protocol":"TCP"}' },
    { element: { value: 'example.com/f1' }, text: 'v:"example.com/f1"' },
    { element: { index: 3 }, text: 'i:3' },
  ])('spells $text', ({ element, text }) => {
    expect(serializeElement(element)).toBe(text);
    expect(parseElement(text)).toEqual(element);
  });

  it('prints paths as conflict messages do', () => {
    expect(formatPath([...containers, web, f('image')])).toBe('.spec.containers[name="web"].image');
    expect(formatPath([f('metadata'), f('finalizers'), { value: 'a' }])).toBe('.metadata.finalizers[="a"]');
    expect(formatPath([f('ports'), keyElement({ port: 80, protocol: 'TCP' })])).toBe('.ports[port=80,protocol="TCP"]');
  });
});

describe('FieldSet', () => {
  const set = () =>
    new FieldSet()
      .insert([f('spec'), f('replicas')])
      .insert([...containers, web])
      .insert([...containers, web, f('image')])
      .insert([f('metadata'), f('labels'), f('app')]);

  it('writes FieldsV1 with `.` for nodes that are members and parents, keys sorted', () => {
    expect(set().toFieldsV1()).toEqual({
      'f:metadata': { 'f:labels': { 'f:app': {} } },
      'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {} } }, 'f:replicas': {} },
    });
    expect(Object.keys(set().toFieldsV1())).toEqual(['f:metadata', 'f:spec']);
    expect(Object.keys(set().toFieldsV1()['f:spec'] as object)).toEqual(['f:containers', 'f:replicas']);
  });

  it('reads FieldsV1 back', () => {
    const read = FieldSet.fromFieldsV1(set().toFieldsV1());
    expect(read.toFieldsV1()).toEqual(set().toFieldsV1());
    expect(read.has([...containers, web])).toBe(true);
    expect(read.has(containers)).toBe(false);
    expect(read.has([f('spec'), f('replicas')])).toBe(true);
  });

  it('difference removes members only: parent − child = parent, child − parent = child', () => {
    const parentOnly = new FieldSet().insert([...containers, web]);
    const childOnly = new FieldSet().insert([...containers, web, f('image')]);
    expect(set().difference(childOnly).has([...containers, web])).toBe(true);
    expect(set().difference(childOnly).has([...containers, web, f('image')])).toBe(false);
    expect(childOnly.difference(parentOnly).has([...containers, web, f('image')])).toBe(true);
  });

  it('union and intersection', () => {
    const other = new FieldSet().insert([f('spec'), f('replicas')]).insert([f('spec'), f('paused')]);
    expect(set().intersection(other).paths()).toEqual([[f('spec'), f('replicas')]]);
    expect(set().union(other).has([f('spec'), f('paused')])).toBe(true);
    expect(new FieldSet().isEmpty()).toBe(true);
    expect(set().difference(set()).isEmpty()).toBe(true);
  });

  it('lists member paths, members before children', () => {
    expect(set().paths().map(formatPath)).toEqual([
      '.metadata.labels.app',
      '.spec.replicas',
      '.spec.containers[name="web"]',
      '.spec.containers[name="web"].image',
    ]);
  });
});
