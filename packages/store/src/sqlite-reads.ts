import type Database from 'better-sqlite3';
import { compareKeys, prefixEnd } from './prefix-range';
import { CURRENT_COLUMNS, HISTORY_COLUMNS, toKeyValue, toWatchEvent, type CurrentRow, type HistoryRow } from './rows';
import type { KeyValue, RangeOptions, RangeResult } from './types';
import type { HistoryPage } from './watch-hub';

/** The store's reads; multi-statement reads run in one (deferred) transaction, i.e. one snapshot. */
export interface SqliteReads {
  revision(): number;
  compactedRevision(): number;
  /** Both counters from one snapshot. */
  revisions(): { revision: number; compacted: number };
  get(key: string): KeyValue | undefined;
  range(prefix: string, opts?: RangeOptions): RangeResult;
  count(prefix: string): number;
  /** History events with afterRevision < revision <= toRevision under prefix, oldest first, at most limit. */
  history(prefix: string, afterRevision: number, toRevision: number, limit: number): HistoryPage;
}

/** Prepares the read statements. */
export function prepareReads(db: Database.Database): SqliteReads {
  const readMeta = db.prepare('SELECT value FROM meta WHERE name = ?').pluck();
  const selectOne = db.prepare(`SELECT ${CURRENT_COLUMNS} FROM current WHERE key = ?`);
  const statements = new Map<string, Database.Statement>();
  // Four shapes per query (with/without an upper bound, inclusive/exclusive lower bound), prepared once each.
  const statement = (sql: string) => {
    let prepared = statements.get(sql);
    if (!prepared) statements.set(sql, (prepared = db.prepare(sql)));
    return prepared;
  };

  const revision = () => readMeta.get('revision') as number;
  const compactedRevision = () => readMeta.get('compacted') as number;

  const range = db.transaction((prefix: string, opts: RangeOptions = {}): RangeResult => {
    const end = prefixEnd(prefix);
    // A continue token inside the prefix moves the lower bound; the index then seeks straight to it.
    const resume = opts.startAfter !== undefined && compareKeys(opts.startAfter, prefix) >= 0;
    const limit = opts.limit !== undefined && opts.limit > 0 ? opts.limit : undefined;
    const sql =
      `SELECT ${CURRENT_COLUMNS} FROM current WHERE key ${resume ? '>' : '>='} ?` +
      `${end === undefined ? '' : ' AND key < ?'} ORDER BY key LIMIT ?`;
    const params: (string | number)[] = [resume ? opts.startAfter! : prefix];
    if (end !== undefined) params.push(end);
    params.push(limit === undefined ? -1 : limit + 1);
    const rows = statement(sql).all(...params) as CurrentRow[];
    const more = limit !== undefined && rows.length > limit;
    if (more) rows.pop();
    return { items: rows.map(toKeyValue), revision: revision(), more };
  });

  const count = (prefix: string): number => {
    const end = prefixEnd(prefix);
    const sql = `SELECT count(*) FROM current WHERE key >= ?${end === undefined ? '' : ' AND key < ?'}`;
    const params = end === undefined ? [prefix] : [prefix, end];
    return statement(sql).pluck().get(...params) as number;
  };

  const history = db.transaction(
    (prefix: string, afterRevision: number, toRevision: number, limit: number): HistoryPage => {
      // Checked in the same snapshot as the rows: a compaction (maybe by another connection) could have removed some.
      if (compactedRevision() > afterRevision) return 'compacted';
      const end = prefixEnd(prefix);
      const sql =
        `SELECT ${HISTORY_COLUMNS} FROM history WHERE rev > ? AND rev <= ? AND key >= ?` +
        `${end === undefined ? '' : ' AND key < ?'} ORDER BY rev LIMIT ?`;
      const params: (string | number)[] = [afterRevision, toRevision, prefix];
      if (end !== undefined) params.push(end);
      params.push(limit);
      return (statement(sql).all(...params) as HistoryRow[]).map(toWatchEvent);
    },
  );

  const revisions = db.transaction(() => ({ revision: revision(), compacted: compactedRevision() }));

  return {
    revision,
    compactedRevision,
    revisions: () => revisions(),
    get: (key) => {
      const row = selectOne.get(key) as CurrentRow | undefined;
      return row && toKeyValue(row);
    },
    range: (prefix, opts) => range(prefix, opts),
    count,
    history: (prefix, afterRevision, toRevision, limit) => history(prefix, afterRevision, toRevision, limit),
  };
}
