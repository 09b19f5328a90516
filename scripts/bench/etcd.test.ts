import { describe, expect, it } from 'vitest';
import { prefixEnd } from './etcd';

describe('prefixEnd', () => {
  it('increments the last byte, as etcd clients do for a prefix range', () => {
    expect(prefixEnd(Buffer.from('/registry/pods/')).toString()).toBe('/registry/pods0');
  });
  it('drops trailing 0xff bytes, and ranges to the end of the keyspace when nothing is left', () => {
    expect(prefixEnd(Buffer.from([0x61, 0xff]))).toEqual(Buffer.from([0x62]));
    expect(prefixEnd(Buffer.from([0xff]))).toEqual(Buffer.from([0]));
  });
});
