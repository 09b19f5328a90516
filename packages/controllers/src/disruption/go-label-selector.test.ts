import { describe, expect, it } from 'vitest';
import { goLabelSelectorString } from './go-label-selector';

describe('goLabelSelectorString', () => {
  it('prints a selector as Go prints *metav1.LabelSelector', () => {
    expect(goLabelSelectorString({ matchLabels: { tier: 'db', app: 'web' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['a', 'b'] }] })).toBe(
      '&LabelSelector{MatchLabels:map[string]string{app: web,tier: db,},MatchExpressions:[]LabelSelectorRequirement{LabelSelectorRequirement{Key:env,Operator:In,Values:[a b],},},}',
    );
    expect(goLabelSelectorString({})).toBe('&LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{},}');
    expect(goLabelSelectorString(undefined)).toBe('nil');
  });
});
