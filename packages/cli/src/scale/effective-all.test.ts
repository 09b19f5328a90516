import { describe, expect, it } from 'vitest';
import { effectiveAll } from './effective-all';

describe('effectiveAll', () => {
  it('selects everything of bare types', () => {
    expect(effectiveAll(true, ['deploy'])).toBe(true);
    expect(effectiveAll(true, ['deploy,rc'])).toBe(true);
  });

  it('has no effect with names or without the flag', () => {
    expect(effectiveAll(true, ['deploy/web'])).toBe(false);
    expect(effectiveAll(true, ['deploy', 'web'])).toBe(false);
    expect(effectiveAll(false, ['deploy'])).toBe(false);
  });
});
