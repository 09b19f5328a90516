import { describe, expect, it } from 'vitest';
import { formatRFC3339 } from './rfc3339';

describe('formatRFC3339', () => {
  const t = new Date('2026-03-04T23:30:09.750Z');

  it('writes UTC with Z and drops fractions', () => {
    expect(formatRFC3339(t, 0)).toBe('2026-03-04T23:30:09Z');
  });

  it('writes local times with their offset', () => {
    expect(formatRFC3339(t, 540)).toBe('2026-03-05T08:30:09+09:00');
    expect(formatRFC3339(t, -210)).toBe('2026-03-04T20:00:09-03:30');
  });
});
