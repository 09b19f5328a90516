import { describe, expect, it } from 'vitest';
import { parseIntervals } from './intervals';
import { matchSuccessPolicy } from './success-policy';

const succeeded = (text: string) => parseIntervals(text, 10);

describe('success policy', () => {
  it('is met when every listed index succeeded', () => {
    const policy = { rules: [{ succeededIndexes: '0,2-4' }] };
    expect(matchSuccessPolicy(policy, 10, succeeded('0-3'))).toBeUndefined();
    expect(matchSuccessPolicy(policy, 10, succeeded('0-4,7'))).toBe('Matched rules at index 0');
  });

  it('is met by succeededCount among the listed indexes, or among all', () => {
    const policy = { rules: [{ succeededIndexes: '5-9', succeededCount: 2 }, { succeededCount: 3 }] };
    expect(matchSuccessPolicy(policy, 10, succeeded('0,6'))).toBeUndefined();
    expect(matchSuccessPolicy(policy, 10, succeeded('6,8'))).toBe('Matched rules at index 0');
    expect(matchSuccessPolicy(policy, 10, succeeded('0-2'))).toBe('Matched rules at index 1');
  });

  it('needs a policy and a success', () => {
    expect(matchSuccessPolicy(undefined, 10, succeeded('0-9'))).toBeUndefined();
    expect(matchSuccessPolicy({ rules: [{ succeededCount: 0 }] }, 10, [])).toBeUndefined();
    // Unparsable indexes never match.
    expect(matchSuccessPolicy({ rules: [{ succeededIndexes: 'x' }] }, 10, succeeded('0'))).toBeUndefined();
  });
});
