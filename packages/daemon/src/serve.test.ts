import { describe, expect, it } from 'vitest';
import { usableSocketPath } from './serve';

describe('usableSocketPath', () => {
  it('keeps a path short enough for a Unix socket and gives up on a longer one (the components then use TLS)', () => {
    expect(usableSocketPath('/home/me/.mk/mk/api.sock')).toBe('/home/me/.mk/mk/api.sock');
    const deep = `/${'d'.repeat(95)}/api.sock`;
    expect(Buffer.byteLength(deep)).toBeGreaterThan(103);
    expect(usableSocketPath(deep)).toBeUndefined();
  });
});
