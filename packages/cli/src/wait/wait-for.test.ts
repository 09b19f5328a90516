import { describe, expect, it } from 'vitest';
import { parseWaitFor, splitOnSingleEquals } from './wait-for';

describe('parseWaitFor', () => {
  it('reads delete and create in any case', () => {
    expect(parseWaitFor('delete')).toEqual({ kind: 'delete' });
    expect(parseWaitFor('Create')).toEqual({ kind: 'create' });
  });

  it('reads a condition with the default value true, or the value after the next =', () => {
    expect(parseWaitFor('condition=Available')).toEqual({ kind: 'condition', name: 'Available', value: 'true' });
    expect(parseWaitFor('condition=Ready=false')).toEqual({ kind: 'condition', name: 'Ready', value: 'false' });
    expect(parseWaitFor('condition=a=b=c')).toEqual({ kind: 'condition', name: 'a', value: 'b=c' });
  });

  it('reads a JSONPath with or without a value, relaxing the expression and trimming quotes', () => {
    const any = parseWaitFor('jsonpath={.status.loadBalancer.ingress}');
    expect(any).toMatchObject({ kind: 'jsonpath', value: undefined });
    const phase = parseWaitFor(`jsonpath=.status.phase='Running'`);
    expect(phase).toMatchObject({ kind: 'jsonpath', value: 'Running' });
    expect(phase.kind === 'jsonpath' && phase.template.source).toBe('{.status.phase}');
    const filter = parseWaitFor('jsonpath={.status.conditions[?(@.type=="Ready")].status}=True');
    expect(filter.kind === 'jsonpath' && filter.template.source).toBe('{.status.conditions[?(@.type=="Ready")].status}');
    expect(filter).toMatchObject({ value: 'True' });
  });

  it("fails with kubectl's messages", () => {
    expect(() => parseWaitFor('')).toThrow('unrecognized condition: ""');
    expect(() => parseWaitFor('Condition=Ready')).toThrow('unrecognized condition: "Condition=Ready"');
    expect(() => parseWaitFor('jsonpath=x=a=b')).toThrow("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
    expect(() => parseWaitFor('jsonpath={.metadata.name}=')).toThrow("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
    expect(() => parseWaitFor('jsonpath==x')).toThrow('jsonpath expression cannot be empty');
    expect(() => parseWaitFor('jsonpath={.a')).toThrow("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  });
});

describe('splitOnSingleEquals', () => {
  it('keeps == together', () => {
    expect(splitOnSingleEquals('a.b.c====d.e.f===g.h.i===')).toEqual(['a.b.c====d.e.f==', 'g.h.i==', '']);
  });
});
