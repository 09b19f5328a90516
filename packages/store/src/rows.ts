import type { KeyValue, WatchEvent } from './types';

/** A row of the `current` table. */
export interface CurrentRow {
  key: string;
  value: string;
  create_rev: number;
  mod_rev: number;
}

/**
 * A row of the `history` table. A PUT keeps the new value in `value`; a
 * DELETE keeps the deleted value only in `prev_value` (stored once, not twice).
 */
export interface HistoryRow {
  rev: number;
  key: string;
  type: 'PUT' | 'DELETE';
  value: string | null;
  prev_value: string | null;
  create_rev: number;
  prev_mod_rev: number | null;
}

/** Column list matching HistoryRow, shared by the statements that read history. */
export const HISTORY_COLUMNS = 'rev, key, type, value, prev_value, create_rev, prev_mod_rev';

/** Column list matching CurrentRow. */
export const CURRENT_COLUMNS = 'key, value, create_rev, mod_rev';

/** The KeyValue of a current row. */
export function toKeyValue(row: CurrentRow): KeyValue {
  return { key: row.key, value: row.value, createRevision: row.create_rev, modRevision: row.mod_rev };
}

/**
 * The watch event a history row records. A DELETE's kv is the deleted value at
 * the delete's revision (what a Kubernetes DELETED event shows); prevKv is the
 * value as it was before the write, at its own mod revision.
 */
export function toWatchEvent(row: HistoryRow): WatchEvent {
  const prevKv: KeyValue | undefined =
    row.prev_value === null || row.prev_mod_rev === null
      ? undefined
      : { key: row.key, value: row.prev_value, createRevision: row.create_rev, modRevision: row.prev_mod_rev };
  const value = row.type === 'PUT' ? row.value : row.prev_value;
  if (value === null) throw new Error(`history row ${row.rev} (${row.type} ${row.key}) has no value`);
  const kv: KeyValue = { key: row.key, value, createRevision: row.create_rev, modRevision: row.rev };
  return prevKv ? { type: row.type, kv, prevKv, revision: row.rev } : { type: row.type, kv, revision: row.rev };
}
