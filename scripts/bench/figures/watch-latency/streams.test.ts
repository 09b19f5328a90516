import { describe, expect, it } from 'vitest';
import { createStreamSet, type Stream } from './streams';

/** A stream whose end the test decides. */
function fakeStream() {
  let end!: () => void;
  let fail!: (err: Error) => void;
  const done = new Promise<void>((resolve, reject) => ((end = resolve), (fail = reject)));
  const stream: Stream & { closed: boolean } = {
    done,
    closed: false,
    close() {
      stream.closed = true;
      end();
    },
  };
  return { stream, end, fail };
}

describe('createStreamSet', () => {
  it('fails when a stream ends before the set is closed', async () => {
    const set = createStreamSet();
    const a = fakeStream();
    set.add(a.stream, 'watch 0');
    a.end();
    await expect(set.failed).rejects.toThrow('watch 0 ended before the measurement was over');
  });

  it('fails with the error of a stream that breaks', async () => {
    const set = createStreamSet();
    const a = fakeStream();
    set.add(a.stream, 'watch 3');
    a.fail(new Error('ECONNRESET'));
    await expect(set.failed).rejects.toThrow('watch 3 failed: ECONNRESET');
  });

  it('closes every stream, after which their ends are not failures', async () => {
    const set = createStreamSet();
    const [a, b] = [fakeStream(), fakeStream()];
    set.add(a.stream, 'a');
    set.add(b.stream, 'b');
    expect(set.size).toBe(2);
    set.close();
    b.fail(new Error('aborted'));
    set.fail(new Error('late'));
    expect([a.stream.closed, b.stream.closed]).toEqual([true, true]);
    const outcome = await Promise.race([set.failed.then(() => 'resolved', () => 'failed'), new Promise((r) => setImmediate(() => r('pending')))]);
    expect(outcome).toBe('pending');
  });

  it('fails on request, e.g. an error event on a stream', async () => {
    const set = createStreamSet();
    set.fail(new Error('410 Gone'));
    await expect(set.failed).rejects.toThrow('410 Gone');
  });
});
