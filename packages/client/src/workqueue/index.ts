/** Work queues: de-duplicating, rate-limited queues of keys and the worker loop over them. */
export type { WorkQueue } from '../informer/types';
export { createWorkQueue, type RateLimitingQueue, type WorkQueueOptions } from './work-queue';
export { runWorkers, type ReconcileResult, type RunWorkersOptions } from './run-workers';
export { ItemExponentialBackoff } from './rate-limiter';
