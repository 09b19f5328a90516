import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import type { Pod } from 'kubernetes-types/core/v1';
import { createPendingWrites } from './pending-writes';

const pod = (name: string, uid: string, deleting = false): Pod => ({ metadata: { name, namespace: 'default', uid, ...(deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) } });

describe('pending pod writes', () => {
  it('waits until a created pod is in the cache', () => {
    const clock = new FakeClock();
    const pending = createPendingWrites(clock, 60_000);
    pending.created('default/web', pod('web-0', 'u0'));
    expect(pending.waitMs('default/web', () => undefined)).toBe(60_000);
    expect(pending.waitMs('default/web', () => pod('web-0', 'u0'))).toBe(0);
  });

  it('counts a creation as seen once an informer event carried it, even if the pod is gone again', () => {
    const pending = createPendingWrites(new FakeClock(), 60_000);
    pending.created('default/web', pod('web-0', 'u0'));
    pending.observe('default/web', pod('web-0', 'u0'));
    expect(pending.waitMs('default/web', () => undefined)).toBe(0);
  });

  it('waits until a deleted pod is gone, terminating, or replaced by another of its name', () => {
    const pending = createPendingWrites(new FakeClock(), 60_000);
    const old = pod('web-2', 'u2');
    for (const seen of [undefined, pod('web-2', 'u2', true), pod('web-2', 'u9')]) {
      pending.deleted('default/web', old);
      expect(pending.waitMs('default/web', () => old)).toBeGreaterThan(0);
      expect(pending.waitMs('default/web', () => seen)).toBe(0);
    }
  });

  it('gives up after the time limit', async () => {
    const clock = new FakeClock();
    const pending = createPendingWrites(clock, 60_000);
    pending.created('default/web', pod('web-0', 'u0'));
    await clock.advance(59_000);
    expect(pending.waitMs('default/web', () => undefined)).toBe(1_000);
    await clock.advance(1_000);
    expect(pending.waitMs('default/web', () => undefined)).toBe(0);
  });
});
