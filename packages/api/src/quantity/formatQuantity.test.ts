import { describe, it, expect } from 'vitest';
import { parseQuantity } from './parseQuantity';
import { formatQuantity } from './formatQuantity';
import type { QuantityFormat } from './quantity';

describe('formatQuantity: canonical form (upstream TestQuantityString / ParseEmit)', () => {
  it.each([
    ['1Ki', '1Ki'],
    ['1024Mi', '1Gi'],
    ['307200Ki', '300Mi'],
    ['1025024Mi', '1001Gi'],
    ['1024Gi', '1Ti'],
    ['1000M', '1G'],
    ['0.001T', '1G'],
    ['1000u', '1m'],
    ['1.08', '1080m'],
    ['1080000000n', '1080m'],
    ['0.5', '500m'],
    ['1.5Gi', '1536Mi'],
    ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'],
    ['.000000001Ki', '1024n'],
    ['.000000000001Ki', '2n'],
    ['0.5Ki', '512'],
    ['1025Ki', '1025Ki'],
    ['.001e12', '1e9'],
    ['0.001e0', '1e-3'],
    ['1000e-12', '1e-9'],
    ['00', '0'],
    ['0Ki', '0'],
    ['-1024Mi', '-1Gi'],
    ['-0.5', '-500m'],
    ['1000E', '1e21'],
    ['12E', '12E'],
  ])('%s → %s', (text, canonical) => {
    expect(formatQuantity(parseQuantity(text))).toBe(canonical);
  });

  it('keeps the text as written where upstream does (its fast path, canonical-looking)', () => {
    for (const t of ['1080n', '80m', '1G', '300Mi', '6Ki', '1e9', '80e-3', '+1', '01']) {
      expect(formatQuantity(parseQuantity(t))).toBe(t);
    }
    expect(parseQuantity('1000M').text).toBeUndefined();
    expect(parseQuantity('8Ki').text).toBeUndefined();
  });

  it.each<[bigint, QuantityFormat, string]>([
    [5n * 10n ** 9n, 'BinarySI', '5'],
    [500n * 10n ** 6n, 'BinarySI', '500m'],
    [1025n * 10n ** 9n, 'BinarySI', '1025'],
    [1234567n * 10n ** 6n, 'BinarySI', '1234567m'],
    [2n ** 70n * 10n ** 9n, 'BinarySI', '1180591620717411303424'],
    [3n * 10n ** 12n, 'DecimalSI', '3k'],
    [3n * 10n ** 12n, 'DecimalExponent', '3e3'],
    [80n * 10n ** 15n, 'DecimalExponent', '80e6'],
    [0n, 'DecimalExponent', '0'],
  ])('%s nanos as %s → %s', (nanos, format, text) => {
    expect(formatQuantity({ nanos, format })).toBe(text);
  });
});
