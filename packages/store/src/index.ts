export * from './types';
export { openSqliteStore, SqliteStore, type SqliteStoreOptions } from './sqlite-store';
export { startCompactor, compactOnce, type CompactorOptions, type IntervalTimers } from './compactor';
export { isStoreError } from './errors';
export { prefixEnd, compareKeys } from './prefix-range';
