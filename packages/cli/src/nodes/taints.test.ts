import { describe, expect, it } from 'vitest';
import { applyTaintChanges, conflictingTaints, parseTaint, parseTaints, splitTaintArgs, taintToString, TaintNotFoundError } from './taints';

describe('parseTaint', () => {
  it('reads the three forms', () => {
    expect(parseTaint('dedicated=special-user:NoSchedule')).toEqual({ key: 'dedicated', value: 'special-user', effect: 'NoSchedule' });
    expect(parseTaint('bar:NoExecute')).toEqual({ key: 'bar', effect: 'NoExecute' });
    expect(parseTaint('example.com/gpu')).toEqual({ key: 'example.com/gpu' });
  });

  it("rejects bad specs with kubectl's messages", () => {
    expect(() => parseTaint('a=b:Sometimes')).toThrow('invalid taint effect: Sometimes, unsupported taint effect');
    expect(() => parseTaint('a=b=c:NoSchedule')).toThrow('invalid taint spec: a=b=c:NoSchedule');
    expect(() => parseTaint('a:b:c')).toThrow('invalid taint spec: a:b:c');
    expect(() => parseTaint('-bad=x:NoSchedule')).toThrow(
      "invalid taint spec: -bad=x:NoSchedule, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    );
    expect(() => parseTaint('a=-x:NoSchedule')).toThrow(/^invalid taint spec: a=-x:NoSchedule, a valid label must be/);
  });
});

describe('parseTaints', () => {
  it('splits additions from removals', () => {
    expect(parseTaints(['a=1:NoSchedule', 'b:NoExecute-', 'c-'])).toEqual({
      add: [{ key: 'a', value: '1', effect: 'NoSchedule' }],
      remove: [{ key: 'b', effect: 'NoExecute' }, { key: 'c' }],
    });
  });

  it('requires an effect to add and refuses duplicates', () => {
    expect(() => parseTaints(['a=1'])).toThrow('invalid taint spec: a=1');
    expect(() => parseTaints(['a=1:NoSchedule', 'a=2:NoSchedule'])).toThrow('duplicated taints with the same key and effect: {a 2 NoSchedule <nil>}');
  });
});

describe('splitTaintArgs', () => {
  it('takes resources first, then taints', () => {
    expect(splitTaintArgs(['nodes', 'n1', 'n2', 'a=b:NoSchedule', 'c-'])).toEqual({ resources: ['nodes', 'n1', 'n2'], taintArgs: ['a=b:NoSchedule', 'c-'] });
    expect(() => splitTaintArgs(['nodes', 'a:NoSchedule', 'n1'])).toThrow('all resources must be specified before taint changes: n1');
  });
});

describe('conflictingTaints', () => {
  it('names keys that are added and removed at once', () => {
    expect(conflictingTaints(parseTaints(['a=1:NoSchedule', 'a-', 'b=1:NoSchedule', 'b:NoExecute-']))).toEqual(['a=']);
    expect(conflictingTaints(parseTaints(['a=1:NoSchedule', 'a:NoSchedule-']))).toEqual(['a=NoSchedule']);
  });
});

describe('applyTaintChanges', () => {
  const old = [{ key: 'x', value: '1', effect: 'NoSchedule', timeAdded: undefined }];

  it('adds a taint in front of the old ones: tainted', () => {
    expect(applyTaintChanges('n', old, parseTaints(['y=2:NoExecute']), false)).toEqual({
      operation: 'tainted',
      taints: [{ key: 'y', value: '2', effect: 'NoExecute' }, old[0]],
    });
  });

  it('removes by key and effect or by key: untainted', () => {
    expect(applyTaintChanges('n', old, parseTaints(['x:NoSchedule-']), false)).toEqual({ operation: 'untainted', taints: [] });
    expect(applyTaintChanges('n', [...old, { key: 'x', effect: 'NoExecute' }], parseTaints(['x-']), false)).toEqual({ operation: 'untainted', taints: [] });
  });

  it('refuses to replace without --overwrite, and says modified with it', () => {
    expect(() => applyTaintChanges('n1', old, parseTaints(['x=2:NoSchedule']), false)).toThrow('node n1 already has x taint(s) with same effect(s) and --overwrite is false');
    expect(applyTaintChanges('n1', old, parseTaints(['x=2:NoSchedule']), true)).toEqual({ operation: 'modified', taints: [{ key: 'x', value: '2', effect: 'NoSchedule' }] });
  });

  it('reports removals that matched nothing', () => {
    const err = (() => {
      try {
        applyTaintChanges('n', old, parseTaints(['y:NoSchedule-', 'z-']), false);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(TaintNotFoundError);
    expect((err as TaintNotFoundError).messages).toEqual(['taint "y:NoSchedule" not found', 'taint "z" not found']);
  });

  it('prints taints as ToString does', () => {
    expect(['a=1:NoSchedule', 'a:NoSchedule', 'a'].map((s) => taintToString(parseTaint(s)))).toEqual(['a=1:NoSchedule', 'a:NoSchedule', 'a']);
    expect(taintToString({ key: 'a', value: 'v' })).toBe('a=v:');
  });
});
