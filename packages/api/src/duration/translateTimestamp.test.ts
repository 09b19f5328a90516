import { describe, it, expect } from 'vitest';
import { translateTimestampSince, parseTimestamp, humanDurationBetween } from './translateTimestamp';

const now = new Date('2024-05-01T12:00:00Z');

describe('translateTimestampSince', () => {
  it('is <unknown> for an unset, zero or unparsable timestamp', () => {
    expect(translateTimestampSince(undefined, now)).toBe('<unknown>');
    expect(translateTimestampSince(null, now)).toBe('<unknown>');
    expect(translateTimestampSince('', now)).toBe('<unknown>');
    expect(translateTimestampSince('0001-01-01T00:00:00Z', now)).toBe('<unknown>');
    expect(translateTimestampSince('yesterday', now)).toBe('<unknown>');
  });

  it('prints the age relative to the injected clock', () => {
    expect(translateTimestampSince('2024-05-01T11:55:00Z', now)).toBe('5m');
    expect(translateTimestampSince('2024-04-29T12:00:00Z', now)).toBe('2d');
    expect(translateTimestampSince('2024-05-01T11:59:59.500000Z', now)).toBe('0s');
  });

  it('tolerates one second of clock skew, then reports <invalid>', () => {
    expect(translateTimestampSince('2024-05-01T12:00:01Z', now)).toBe('0s');
    expect(translateTimestampSince('2024-05-01T12:00:02Z', now)).toBe('<invalid>');
  });
});

describe('parseTimestamp / humanDurationBetween', () => {
  it('parses RFC 3339 with and without fractions', () => {
    expect(parseTimestamp('2024-01-01T00:00:00Z')).toBe(Date.UTC(2024, 0, 1));
    expect(parseTimestamp('2024-01-01T00:00:00.123456Z')).toBe(Date.UTC(2024, 0, 1) + 123);
  });

  it('measures between two timestamps, undefined when one is unset', () => {
    expect(humanDurationBetween('2024-01-01T00:00:00Z', '2024-01-01T00:00:42Z')).toBe('42s');
    expect(humanDurationBetween('2024-01-01T00:00:00Z', undefined)).toBeUndefined();
  });
});
