import { describe, it, expect } from 'vitest';
import { canonicalQuantity, quantityOf, tryParseQuantity } from './quantities';

describe('lenient quantities', () => {
  it('prints stored values canonically and leaves non-quantities alone', () => {
    expect(canonicalQuantity('0.5')).toBe('500m');
    expect(canonicalQuantity('1.5Gi')).toBe('1536Mi');
    expect(canonicalQuantity(2)).toBe('2');
    expect(canonicalQuantity('lots')).toBe('lots');
  });

  it('treats missing or bad values as zero', () => {
    expect(quantityOf(undefined).nanos).toBe(0n);
    expect(quantityOf('web-1').nanos).toBe(0n);
    expect(quantityOf('100m').nanos).toBe(100_000_000n);
    expect(tryParseQuantity('1Ki2')).toBeUndefined();
  });
});
