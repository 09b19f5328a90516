/**
 * slowStartBatch (upstream replica_set.go): calls fn `count` times in
 * batches of 1, 2, 4, …, each batch concurrently, and stops after the first
 * batch with a failure. A quota or admission error then costs one failed
 * request and one event instead of hundreds.
 */
import { slowStartBatches, SLOW_START_INITIAL_BATCH_SIZE } from './plan';

export interface SlowStartResult {
  /** Calls that succeeded; count − successes were failed or never tried. */
  successes: number;
  /** One of the failures of the last batch tried, if it had any. */
  error?: unknown;
}

/** Runs fn up to count times in doubling batches, stopping after a batch with a failure. */
export async function slowStartBatch(count: number, fn: () => Promise<void>, initialBatchSize = SLOW_START_INITIAL_BATCH_SIZE): Promise<SlowStartResult> {
  let successes = 0;
  for (const size of slowStartBatches(count, initialBatchSize)) {
    const results = await Promise.allSettled(Array.from({ length: size }, () => fn()));
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    successes += size - failures.length;
    if (failures.length) return { successes, error: failures[0].reason };
  }
  return { successes };
}
