import { describe, it, expect } from 'vitest';
import { parseOutputFormat } from './output-format';
import { StringSink } from './tabwriter';

const noFiles = (path: string): string => {
  throw new Error(`open ${path}: no such file or directory`);
};

describe('parseOutputFormat', () => {
  it('recognises the human formats', () => {
    expect(parseOutputFormat({ output: '' }, noFiles).human).toBe(true);
    expect(parseOutputFormat({ output: 'wide' }, noFiles).human).toBe(true);
    expect(parseOutputFormat({ output: 'json' }, noFiles).human).toBe(false);
  });

  it('takes templates from -o or --template and reads template files', () => {
    const obj = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } };
    const ctx = { withNamespace: false, withKind: false, kind: 'pod', now: new Date(0) };
    const render = (flags: Parameters<typeof parseOutputFormat>[0], read = noFiles) => {
      const sink = new StringSink();
      parseOutputFormat(flags, read).build(ctx).print(obj, sink);
      return sink.text;
    };
    expect(render({ output: 'jsonpath={.metadata.name}' })).toBe('x');
    expect(render({ output: 'jsonpath', template: '{.kind}' })).toBe('Pod');
    expect(render({ output: 'jsonpath-file=/t' }, () => '{.apiVersion}')).toBe('v1');
    expect(render({ output: 'custom-columns-file=/c' }, () => 'N\n.metadata.name\n')).toBe('N\nx\n');
    expect(render({ output: 'name' })).toBe('pod/x\n');
  });

  it('gives kubectl errors', () => {
    expect(() => parseOutputFormat({ output: 'jsonpath' }, noFiles)).toThrow('template format specified but no template given');
    expect(() => parseOutputFormat({ output: 'jsonpath-file=/nope' }, noFiles)).toThrow('error reading --template /nope, open /nope: no such file or directory');
    expect(() => parseOutputFormat({ output: 'custom-columns=' }, noFiles)).toThrow('custom-columns format specified but no custom columns given');
    expect(() => parseOutputFormat({ output: 'xml' }, noFiles)).toThrow(
      'unable to match a printer suitable for the output format "xml", allowed formats are: custom-columns,custom-columns-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,wide,yaml',
    );
    expect(() => parseOutputFormat({ output: 'go-template={{.kind}}' }, noFiles)).toThrow('not supported by mk');
  });
});
