import type Database from 'better-sqlite3';
import { conflict, keyExists, keyNotFound } from './errors';
import { CURRENT_COLUMNS, toKeyValue, toWatchEvent, type CurrentRow, type HistoryRow } from './rows';
import type { WatchEvent } from './types';

/** The store's write transactions; each returns the event it committed. */
export interface SqliteWrites {
  create(key: string, value: string): WatchEvent;
  update(key: string, value: string, expectedModRevision: number): WatchEvent;
  delete(key: string, expectedModRevision?: number): WatchEvent;
  /**
   * Deletes history in (compacted, min(target, compacted + batchSize)] and
   * records the new compacted revision; returns it.
   */
  compactBatch(target: number, batchSize: number): number;
}

/**
 * Prepares the write transactions. Each runs under BEGIN IMMEDIATE: it takes
 * the write lock before reading, so a writer in another connection waits for
 * the busy timeout instead of failing on a stale snapshot, and the revision is
 * read and bumped inside the lock (other processes may write too).
 */
export function prepareWrites(db: Database.Database): SqliteWrites {
  const nextRevision = db.prepare("UPDATE meta SET value = value + 1 WHERE name = 'revision' RETURNING value").pluck();
  const readCompacted = db.prepare("SELECT value FROM meta WHERE name = 'compacted'").pluck();
  const setCompacted = db.prepare("UPDATE meta SET value = ? WHERE name = 'compacted'");
  const selectCurrent = db.prepare(`SELECT ${CURRENT_COLUMNS} FROM current WHERE key = ?`);
  const insertCurrent = db.prepare('INSERT INTO current (key, value, create_rev, mod_rev) VALUES (?, ?, ?, ?)');
  const updateCurrent = db.prepare('UPDATE current SET value = ?, mod_rev = ? WHERE key = ?');
  const deleteCurrent = db.prepare('DELETE FROM current WHERE key = ?');
  const insertHistory = db.prepare(
    'INSERT INTO history (rev, key, type, value, prev_value, create_rev, prev_mod_rev) ' +
      'VALUES (@rev, @key, @type, @value, @prev_value, @create_rev, @prev_mod_rev)',
  );
  const deleteHistory = db.prepare('DELETE FROM history WHERE rev > ? AND rev <= ?');

  const current = (key: string) => selectCurrent.get(key) as CurrentRow | undefined;
  const record = (row: HistoryRow): WatchEvent => {
    insertHistory.run(row);
    return toWatchEvent(row);
  };

  const create = db.transaction((key: string, value: string): WatchEvent => {
    if (current(key)) throw keyExists(key);
    const rev = nextRevision.get() as number;
    insertCurrent.run(key, value, rev, rev);
    return record({ rev, key, type: 'PUT', value, prev_value: null, create_rev: rev, prev_mod_rev: null });
  });

  const update = db.transaction((key: string, value: string, expected: number): WatchEvent => {
    const old = current(key);
    if (!old) throw keyNotFound(key);
    if (old.mod_rev !== expected) throw conflict(toKeyValue(old), expected);
    const rev = nextRevision.get() as number;
    updateCurrent.run(value, rev, key);
    return record({
      rev, key, type: 'PUT', value, prev_value: old.value, create_rev: old.create_rev, prev_mod_rev: old.mod_rev,
    });
  });

  const remove = db.transaction((key: string, expected: number | undefined): WatchEvent => {
    const old = current(key);
    if (!old) throw keyNotFound(key);
    if (expected !== undefined && old.mod_rev !== expected) throw conflict(toKeyValue(old), expected);
    const rev = nextRevision.get() as number;
    deleteCurrent.run(key);
    return record({
      rev, key, type: 'DELETE', value: null, prev_value: old.value, create_rev: old.create_rev, prev_mod_rev: old.mod_rev,
    });
  });

  const compactBatch = db.transaction((target: number, batchSize: number): number => {
    const from = readCompacted.get() as number;
    if (from >= target) return from;
    const to = Math.min(target, from + batchSize);
    deleteHistory.run(from, to);
    setCompacted.run(to);
    return to;
  });

  return {
    create: (key, value) => create.immediate(key, value),
    update: (key, value, expected) => update.immediate(key, value, expected),
    delete: (key, expected) => remove.immediate(key, expected),
    compactBatch: (target, batchSize) => compactBatch.immediate(target, batchSize),
  };
}
