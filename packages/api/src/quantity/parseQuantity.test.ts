import { describe, it, expect } from 'vitest';
import { parseQuantity } from './parseQuantity';
import { QUANTITY_FORMAT_ERROR, QUANTITY_SUFFIX_ERROR, QUANTITY_NUMERIC_ERROR, type QuantityFormat } from './quantity';

/** upstream's decQuantity(value, scale, format) as nanos. */
function dec(value: number, scale: number): bigint {
  const power = scale + 9;
  return power >= 0 ? BigInt(value) * 10n ** BigInt(power) : BigInt(value) / 10n ** BigInt(-power);
}

describe('parseQuantity: values and formats (upstream TestQuantityParse)', () => {
  it.each<[string, bigint, QuantityFormat]>([
    ['0', 0n, 'DecimalSI'],
    ['0n', 0n, 'DecimalSI'],
    ['0Ki', 0n, 'BinarySI'],
    ['0T', 0n, 'DecimalSI'],
    ['1', dec(1, 0), 'DecimalSI'],
    ['1Ki', dec(1024, 0), 'BinarySI'],
    ['7Mi', dec(7 * 1024 * 1024, 0), 'BinarySI'],
    ['5Ti', dec(5 * 1024 ** 4, 0), 'BinarySI'],
    ['3Ei', 3n * 2n ** 60n * 10n ** 9n, 'BinarySI'],
    ['5n', dec(5, -9), 'DecimalSI'],
    ['4u', dec(4, -6), 'DecimalSI'],
    ['3m', dec(3, -3), 'DecimalSI'],
    ['50k', dec(5, 4), 'DecimalSI'],
    ['300T', dec(3, 14), 'DecimalSI'],
    ['1E', dec(1, 18), 'DecimalSI'],
    ['12E', dec(12, 18), 'DecimalSI'],
    ['1E-3', dec(1, -3), 'DecimalExponent'],
    ['1e3', dec(1, 3), 'DecimalExponent'],
    ['1E18', dec(1, 18), 'DecimalExponent'],
    ['1.3E+6', dec(13, 5), 'DecimalExponent'],
    ['100.035k', dec(100035, 0), 'DecimalSI'],
    ['0.0005k', dec(5, -1), 'DecimalSI'],
    ['0.5e-2', dec(5, -3), 'DecimalExponent'],
    ['7.123456M', dec(7123456, 0), 'DecimalSI'],
    ['1.01E', dec(101, 16), 'DecimalSI'],
    ['3.001n', dec(4, -9), 'DecimalSI'],
    ['1.1E-9', dec(2, -9), 'DecimalExponent'],
    ['0.0000000001', dec(1, -9), 'DecimalSI'],
    ['0.5e-9', dec(1, -9), 'DecimalExponent'],
    ['0.00000012345', dec(124, -9), 'DecimalSI'],
    ['9Ei', (2n ** 63n - 1n) * 10n ** 9n, 'BinarySI'],
    ['9223372036854775807Ki', (2n ** 63n - 1n) * 10n ** 9n, 'BinarySI'],
    ['100.035Ki', dec(10243584, -2), 'BinarySI'],
    ['0.5Mi', dec(0.5 * 1024 * 1024, 0), 'BinarySI'],
    ['0.000000000001Ki', dec(2, -9), 'DecimalSI'],
    ['.001', dec(1, -3), 'DecimalSI'],
    ['1.', dec(1, 0), 'DecimalSI'],
    ['1.G', dec(1, 9), 'DecimalSI'],
    ['-1.5', -dec(15, -1), 'DecimalSI'],
    ['+2Gi', 2n * 2n ** 30n * 10n ** 9n, 'BinarySI'],
    ['-3.001n', -dec(4, -9), 'DecimalSI'],
  ])('%s', (text, nanos, format) => {
    const q = parseQuantity(text);
    expect(q.nanos).toBe(nanos);
    expect(q.format).toBe(format);
  });
});

describe('parseQuantity: rejected texts', () => {
  it.each([
    ['', QUANTITY_FORMAT_ERROR],
    ['1.1.M', QUANTITY_FORMAT_ERROR],
    ['1+1.0M', QUANTITY_FORMAT_ERROR],
    ['aoeu', QUANTITY_FORMAT_ERROR],
    [' 1', QUANTITY_FORMAT_ERROR],
    ['1 ', QUANTITY_FORMAT_ERROR],
    ['1KiB', QUANTITY_FORMAT_ERROR],
    ['0.1mi', QUANTITY_SUFFIX_ERROR],
    ['0.1am', QUANTITY_FORMAT_ERROR],
    ['.5i', QUANTITY_SUFFIX_ERROR],
    ['1i', QUANTITY_SUFFIX_ERROR],
    ['-3.01i', QUANTITY_SUFFIX_ERROR],
    ['-3.01e-', QUANTITY_SUFFIX_ERROR],
    ['1e', QUANTITY_SUFFIX_ERROR],
    ['.e-20', QUANTITY_NUMERIC_ERROR],
    ['1e2000', QUANTITY_NUMERIC_ERROR],
  ])('%j → %s', (text, message) => {
    expect(() => parseQuantity(text)).toThrow(message);
  });

  it('quotes the upstream pattern', () => {
    expect(QUANTITY_FORMAT_ERROR).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  });
});
