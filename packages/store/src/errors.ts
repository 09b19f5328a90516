import { StoreError, type KeyValue } from './types';

/** StoreError('KeyExists'): create() of a key that is present. */
export function keyExists(key: string): StoreError {
  return new StoreError('KeyExists', `key already exists: ${key}`);
}

/** StoreError('NotFound'): update() or delete() of an absent key. */
export function keyNotFound(key: string): StoreError {
  return new StoreError('NotFound', `key not found: ${key}`);
}

/** StoreError('Conflict') carrying the key's current value, so callers can retry without another read. */
export function conflict(current: KeyValue, expectedModRevision: number): StoreError {
  return new StoreError(
    'Conflict',
    `conflict on ${current.key}: expected modRevision ${expectedModRevision}, current ${current.modRevision}`,
    current,
  );
}

/** StoreError('Compacted'): the history a caller asked for is gone (etcd's ErrCompacted). */
export function compacted(requestedAfter: number, compactedRevision: number): StoreError {
  return new StoreError(
    'Compacted',
    `required revision ${requestedAfter + 1} has been compacted (compacted revision ${compactedRevision})`,
    undefined,
    compactedRevision,
  );
}

/** StoreError('FutureRevision'): a revision beyond the current one (etcd's ErrFutureRev). */
export function futureRevision(requested: number, current: number): StoreError {
  return new StoreError('FutureRevision', `required revision ${requested} is a future revision (current ${current})`);
}

/** StoreError('Closed'): the store was closed. */
export function storeClosed(): StoreError {
  return new StoreError('Closed', 'store is closed');
}

/** True for a StoreError with the given code, also across bundles (compares the code, not the class). */
export function isStoreError(error: unknown, code?: StoreError['code']): error is StoreError {
  if (typeof error !== 'object' || error === null || (error as { name?: unknown }).name !== 'StoreError') return false;
  return code === undefined || (error as StoreError).code === code;
}
