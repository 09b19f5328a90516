import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** Bumped when the tables change; a newer file is refused rather than misread. */
export const SCHEMA_VERSION = 1;

/** Owner-only: the database holds every object of the cluster, Secrets included. */
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/*
 * `current` holds the live state, so get/range/count never look at history
 * (kine computes current state from its log, and slows down as history grows).
 * `history` is the event log watchers replay from; its rowid is the revision.
 * `meta` holds the global revision counter (never reused, even after deletes
 * or compaction) and the compacted revision.
 */
const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT OR IGNORE INTO meta (name, value) VALUES ('revision', 0), ('compacted', 0);
CREATE TABLE IF NOT EXISTS current (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  create_rev INTEGER NOT NULL,
  mod_rev INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS history (
  rev INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('PUT', 'DELETE')),
  value TEXT,
  prev_value TEXT,
  create_rev INTEGER NOT NULL,
  prev_mod_rev INTEGER
);
`;

/**
 * Opens (creating if needed) the store database at path (':memory:' for a
 * private in-memory one): owner-only files, WAL, synchronous=NORMAL (a commit
 * may roll back on power loss, never on a process crash), a busy timeout for
 * writers in other connections, and the schema.
 */
export function openDatabase(path: string, busyTimeoutMs: number): Database.Database {
  const inMemory = path === ':memory:';
  if (!inMemory) createPrivateFile(path);
  const db = new Database(path, { timeout: busyTimeoutMs });
  try {
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
    if (!inMemory) restrictSidecarFiles(path);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database.Database): void {
  // IMMEDIATE: two processes opening a new file at once must not both create it.
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(`store schema version ${version} is newer than this build supports (${SCHEMA_VERSION})`);
    }
    db.exec(SCHEMA_SQL);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/*
 * The file is created with mode 0600 before SQLite opens it: SQLite creates the
 * -wal and -shm files with the database file's permissions. process.umask() is
 * not used because it is process-wide (racy for other code) and unavailable in
 * worker threads.
 */
function createPrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: DIR_MODE });
  closeSync(openSync(path, 'a', FILE_MODE));
  chmodSync(path, FILE_MODE);
}

/** Sidecar files left by an older run may carry wider modes. */
function restrictSidecarFiles(path: string): void {
  for (const sidecar of [`${path}-wal`, `${path}-shm`]) {
    if (existsSync(sidecar)) chmodSync(sidecar, FILE_MODE);
  }
}
