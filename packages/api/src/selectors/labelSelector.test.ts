import { describe, it, expect } from 'vitest';
import {
  labelSelectorFromSpec,
  labelSelectorFromSet,
  labelSelectorToString,
  matchesLabels,
  formatLabelSelector,
  formatLabels,
  isEverythingSelector,
} from './labelSelector';

describe('labelSelectorFromSpec (metav1.LabelSelectorAsSelector)', () => {
  it('matches nothing for a missing selector and everything for an empty one', () => {
    const none = labelSelectorFromSpec(undefined);
    expect(matchesLabels(none, { a: 'b' })).toBe(false);
    expect(matchesLabels(labelSelectorFromSpec(null), {})).toBe(false);
    const all = labelSelectorFromSpec({});
    expect(isEverythingSelector(all)).toBe(true);
    expect(matchesLabels(all, { a: 'b' })).toBe(true);
    expect(matchesLabels(labelSelectorFromSpec({ matchLabels: {}, matchExpressions: [] }), {})).toBe(true);
  });

  it('combines matchLabels and expressions, sorted by key', () => {
    const sel = labelSelectorFromSpec({
      matchLabels: { tier: 'db', app: 'web' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'dev'] },
        { key: 'zone', operator: 'NotIn', values: ['b'] },
        { key: 'canary', operator: 'DoesNotExist' },
        { key: 'owner', operator: 'Exists' },
      ],
    });
    expect(labelSelectorToString(sel)).toBe('app=web,!canary,env in (dev,prod),owner,tier=db,zone notin (b)');
    expect(matchesLabels(sel, { app: 'web', tier: 'db', env: 'dev', owner: 'x' })).toBe(true);
    expect(matchesLabels(sel, { app: 'web', tier: 'db', env: 'dev', owner: 'x', canary: '' })).toBe(false);
    expect(matchesLabels(sel, { app: 'web', tier: 'db', env: 'qa', owner: 'x' })).toBe(false);
  });

  it('rejects bad operators and arities with upstream messages', () => {
    expect(() => labelSelectorFromSpec({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] })).toThrow(
      '"Gt" is not a valid label selector operator',
    );
    expect(() => labelSelectorFromSpec({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toThrow(
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    );
    expect(() => labelSelectorFromSpec({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x', 'y'] }] })).toThrow(
      'values: Invalid value: []string{"x", "y"}: values set must be empty for exists and does not exist',
    );
    expect(() => labelSelectorFromSpec({ matchLabels: { 'a b': 'c' } })).toThrow(/^key: Invalid value: "a b": name part must consist/);
  });
});

describe('formatting helpers used by printers', () => {
  it('formatLabelSelector prints <none> for empty or missing selectors and <error> for invalid ones', () => {
    expect(formatLabelSelector(undefined)).toBe('<none>');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector({ matchLabels: { app: 'web' } })).toBe('app=web');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Bogus' }] })).toBe('<error>');
  });

  it('formatLabels sorts k=v pairs as strings', () => {
    expect(formatLabels({ b: '1', a: '2' })).toBe('a=2,b=1');
    // As strings "a-b=1" sorts before "a=2" ('-' < '='), unlike a sort by key.
    expect(formatLabels({ a: '2', 'a-b': '1' })).toBe('a-b=1,a=2');
    expect(formatLabels({})).toBe('<none>');
    expect(formatLabels(undefined)).toBe('<none>');
  });

  it('labelSelectorFromSet builds equality requirements; empty selects everything', () => {
    const sel = labelSelectorFromSet({ b: '2', a: '1' });
    expect(labelSelectorToString(sel)).toBe('a=1,b=2');
    expect(matchesLabels(sel, { a: '1', b: '2', c: '3' })).toBe(true);
    expect(matchesLabels(labelSelectorFromSet(undefined), { x: 'y' })).toBe(true);
  });
});
