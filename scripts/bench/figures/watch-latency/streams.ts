/**
 * The watch streams of one side of the watch-latency figure, kept together
 * so that a stream that fails or ends before the figure closes it fails the
 * measurement at once (instead of a round waiting for an event that will
 * never come), and so that closing them all is one call.
 */

/** A running stream: `done` settles when it ends (resolves) or fails (rejects). */
export interface Stream {
  done: Promise<void>;
  close(): void;
}

/** The streams of one side. */
export interface StreamSet {
  /** Rejects with the first failure: a stream that failed or ended early, or fail(). */
  readonly failed: Promise<never>;
  add(stream: Stream, name: string): void;
  /** Fails the set (an error message on a stream, say). Ignored once closing. */
  fail(err: Error): void;
  /** Closes every stream added; their ends are no longer failures. */
  close(): void;
  readonly size: number;
}

/** An empty set of streams. */
export function createStreamSet(): StreamSet {
  const streams: Stream[] = [];
  let closing = false;
  let reject!: (err: Error) => void;
  const failed = new Promise<never>((_, r) => (reject = r));
  // Nobody may be waiting on `failed` when a stream breaks (between rounds, say); the next round sees it.
  failed.catch(() => undefined);
  const fail = (err: Error): void => {
    if (!closing) reject(err);
  };
  return {
    failed,
    add(stream, name) {
      streams.push(stream);
      stream.done.then(
        () => fail(new Error(`${name} ended before the measurement was over`)),
        (err: unknown) => fail(new Error(`${name} failed: ${err instanceof Error ? err.message : String(err)}`)),
      );
    },
    fail,
    close() {
      closing = true;
      for (const s of streams) s.close();
    },
    get size() {
      return streams.length;
    },
  };
}
