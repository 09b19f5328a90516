import { describe, it, expect } from 'vitest';
import { StringSink } from '../tabwriter';
import { WatchEventObject } from '../printer';
import { JsonPathPrinter } from './jsonpath';

const list = {
  apiVersion: 'v1',
  kind: 'List',
  metadata: { resourceVersion: '' },
  items: [
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, status: { conditions: [{ type: 'Ready', status: 'True' }] } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b' }, status: { conditions: [{ type: 'Ready', status: 'False' }] } },
  ],
};

function print(template: string, obj: object, allowMissingKeys = true): string {
  const sink = new StringSink();
  new JsonPathPrinter(template, { allowMissingKeys }).print(obj as never, sink);
  return sink.text;
}

describe('JsonPathPrinter', () => {
  it('prints names, ranges, filters and literals', () => {
    expect(print('{.items[*].metadata.name}', list)).toBe('a b');
    expect(print('{range .items[*]}{.metadata.name}{"\\t"}{.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}', list)).toBe('a\tTrue\nb\tFalse\n');
    expect(print('{.items[0].status.conditions[0].status}', list)).toBe('True');
    expect(print("{.items[?(@.metadata.name=='b')].status.conditions[0]}", list)).toBe('{"status":"False","type":"Ready"}');
  });

  it('sees watch events as {type, object}', () => {
    const sink = new StringSink();
    new JsonPathPrinter('{.type},{.object.metadata.name}{"\\n"}', { allowMissingKeys: true }).print(
      new WatchEventObject('MODIFIED', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'foo' } }),
      sink,
    );
    expect(sink.text).toBe('MODIFIED,foo\n');
  });

  it('wraps evaluation and parse errors as kubectl does', () => {
    expect(() => print('{.items[5]}', { kind: 'List', items: [] })).toThrow(
      'error executing jsonpath "{.items[5]}": Error executing template: array index out of bounds: index 5, length 0. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.items[5]}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"items":[]interface {}{}, "kind":"List"}\n\n\n',
    );
    expect(() => print('{.foo}', { kind: 'List' }, false)).toThrow('Error executing template: foo is not found.');
    expect(() => new JsonPathPrinter('{.metadata.name', { allowMissingKeys: true })).toThrow('error parsing jsonpath {.metadata.name, unclosed action');
  });
});
