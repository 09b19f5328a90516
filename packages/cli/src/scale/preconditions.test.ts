import { describe, expect, it } from 'vitest';
import { checkPrecondition, preconditionFor } from './preconditions';

const scale = { metadata: { resourceVersion: '41' }, spec: { replicas: 3 } };

describe('preconditionFor', () => {
  it('is undefined without --current-replicas and --resource-version (a blind patch)', () => {
    expect(preconditionFor(-1, '')).toBeUndefined();
    expect(preconditionFor(0, '')).toEqual({ size: 0, resourceVersion: '' });
    expect(preconditionFor(-1, '7')).toEqual({ size: -1, resourceVersion: '7' });
  });
});

describe('checkPrecondition', () => {
  it('passes when the Scale matches', () => {
    expect(() => checkPrecondition(scale, { size: 3, resourceVersion: '41' })).not.toThrow();
    expect(() => checkPrecondition(scale, { size: -1, resourceVersion: '' })).not.toThrow();
  });

  it("words a replica mismatch as kubectl's PreconditionError", () => {
    expect(() => checkPrecondition(scale, { size: 2, resourceVersion: '' })).toThrow('Expected replicas to be 2, was 3');
  });

  it('checks the replica count before the resource version', () => {
    expect(() => checkPrecondition(scale, { size: 2, resourceVersion: '1' })).toThrow('Expected replicas to be 2, was 3');
    expect(() => checkPrecondition(scale, { size: 3, resourceVersion: '1' })).toThrow('Expected resource version to be 1, was 41');
  });

  it('reads a Scale without spec.replicas as zero replicas', () => {
    expect(() => checkPrecondition({}, { size: 1, resourceVersion: '' })).toThrow('Expected replicas to be 1, was 0');
  });
});
