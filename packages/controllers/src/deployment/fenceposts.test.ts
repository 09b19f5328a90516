import { describe, expect, it } from 'vitest';
import { maxSurge, maxUnavailable, resolveFenceposts } from './fenceposts';
import { deployment } from './test-support';

describe('resolveFenceposts', () => {
  it('rounds surge up and unavailability down', () => {
    expect(resolveFenceposts('25%', '25%', 10)).toEqual([3, 2]);
    expect(resolveFenceposts('25%', '25%', 3)).toEqual([1, 0]);
    expect(resolveFenceposts('10%', '90%', 15)).toEqual([2, 13]);
  });

  it('takes counts as they are and a missing value as 0', () => {
    expect(resolveFenceposts(2, 1, 10)).toEqual([2, 1]);
    expect(resolveFenceposts(undefined, 3, 10)).toEqual([0, 3]);
  });

  it('lets one pod be unavailable when both resolve to 0, as upstream does for quota-bound surges', () => {
    expect(resolveFenceposts(0, 0, 5)).toEqual([0, 1]);
    expect(resolveFenceposts('0%', '1%', 2)).toEqual([0, 1]);
    expect(resolveFenceposts('1%', '25%', 2)).toEqual([1, 0]);
  });

  it('rejects a string that is not a percentage with upstream message', () => {
    expect(() => resolveFenceposts('3', 0, 10)).toThrow('invalid value for IntOrString: invalid type: string is not a percentage');
  });
});

describe('maxSurge and maxUnavailable', () => {
  it('are 0 for Recreate', () => {
    const d = deployment('web', { replicas: 4, strategy: 'Recreate' });
    expect([maxSurge(d), maxUnavailable(d)]).toEqual([0, 0]);
  });

  it('cap unavailability at spec.replicas and make it 0 for 0 replicas', () => {
    expect(maxUnavailable(deployment('web', { replicas: 2, maxUnavailable: 5 }))).toBe(2);
    expect(maxUnavailable(deployment('web', { replicas: 0, maxUnavailable: 5 }))).toBe(0);
    expect(maxSurge(deployment('web', { replicas: 10, maxSurge: '30%' }))).toBe(3);
  });
});
