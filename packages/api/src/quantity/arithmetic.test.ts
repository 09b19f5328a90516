import { describe, it, expect } from 'vitest';
import {
  compareQuantities,
  addQuantities,
  subtractQuantities,
  quantityToMillis,
  quantityValue,
  quantityFromMillis,
  quantityFromUnits,
} from './arithmetic';
import { formatQuantity } from './formatQuantity';

describe('quantity arithmetic', () => {
  it('compares across formats exactly', () => {
    expect(compareQuantities('1Gi', '1073741824')).toBe(0);
    expect(compareQuantities('1G', '1Gi')).toBe(-1);
    expect(compareQuantities('1500m', '1.5')).toBe(0);
    expect(compareQuantities('2', '1999m')).toBe(1);
    expect(compareQuantities('1e21', '999E')).toBe(1);
  });

  it('adds and subtracts, keeping the left format unless it is zero', () => {
    expect(formatQuantity(addQuantities('100m', '250m'))).toBe('350m');
    expect(formatQuantity(addQuantities('1Gi', '512Mi'))).toBe('1536Mi');
    expect(formatQuantity(addQuantities('0', '1Gi'))).toBe('1Gi');
    expect(formatQuantity(subtractQuantities('1', '250m'))).toBe('750m');
    expect(formatQuantity(subtractQuantities('100m', '250m'))).toBe('-150m');
  });

  it('converts to millis and units rounding up', () => {
    expect(quantityToMillis('100m')).toBe(100n);
    expect(quantityToMillis('2')).toBe(2000n);
    expect(quantityToMillis('1n')).toBe(1n);
    expect(quantityToMillis('1Ki')).toBe(1024000n);
    expect(quantityToMillis('-1n')).toBe(0n);
    expect(quantityValue('1Gi')).toBe(1073741824n);
    expect(quantityValue('1500m')).toBe(2n);
    expect(quantityValue('1E')).toBe(10n ** 18n);
  });

  it('builds quantities from millis and units', () => {
    expect(formatQuantity(quantityFromMillis(250))).toBe('250m');
    expect(formatQuantity(quantityFromMillis(2000n))).toBe('2');
    expect(formatQuantity(quantityFromUnits(2048, 'BinarySI'))).toBe('2Ki');
    expect(formatQuantity(quantityFromUnits(0, 'BinarySI'))).toBe('0');
  });
});
