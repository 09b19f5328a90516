import { describe, expect, it } from 'vitest';
import { createPodIPAllocator } from './pod-ips';

describe('createPodIPAllocator', () => {
  it('hands out addresses after the gateway, reuses released ones, and stops at the broadcast address', () => {
    const ips = createPodIPAllocator('10.244.1.0/29');
    const got = [ips.allocate(), ips.allocate(), ips.allocate(), ips.allocate(), ips.allocate()];
    expect(got).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4', '10.244.1.5', '10.244.1.6']);
    expect(() => ips.allocate()).toThrow('no free pod IP left in 10.244.1.0/29');
    ips.release('10.244.1.4');
    expect(ips.allocate()).toBe('10.244.1.4');
  });

  it('rejects a CIDR it cannot use', () => {
    expect(() => createPodIPAllocator('10.0.0.0/31')).toThrow('prefix must be /8 to /30');
  });
});
