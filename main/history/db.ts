// The history database: one SQLite file (WAL) per data dir, schema versioned with PRAGMA user_version.
// A migration runs in its own transaction; a database newer than this code is refused, not guessed at.
import Database from 'better-sqlite3';
import { createPrivateFile, tightenSqliteFiles } from '../store/private-files';
import { HistoryError } from './errors';

export type Db = Database.Database;

const MIGRATIONS: string[] = [
  // 1: sessions, update chunks (many Yjs updates per row, see chunks.ts), keyframes, events, snapshots.
  `
  CREATE TABLE sessions (
    sid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    workspace_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    ended_at INTEGER,
    last_seq INTEGER NOT NULL DEFAULT 0,
    last_time INTEGER NOT NULL,
    parent_id TEXT,
    parent_seq INTEGER,
    meta TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX sessions_updated ON sessions(updated_at);
  CREATE TABLE update_chunks (
    sid INTEGER NOT NULL REFERENCES sessions(sid) ON DELETE CASCADE,
    first_seq INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    first_time INTEGER NOT NULL,
    last_time INTEGER NOT NULL,
    body BLOB NOT NULL,
    PRIMARY KEY (sid, first_seq)
  ) WITHOUT ROWID;
  CREATE INDEX update_chunks_time ON update_chunks(sid, first_time);
  CREATE TABLE keyframes (
    sid INTEGER NOT NULL REFERENCES sessions(sid) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    time INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (sid, seq)
  ) WITHOUT ROWID;
  CREATE TABLE events (
    sid INTEGER NOT NULL REFERENCES sessions(sid) ON DELETE CASCADE,
    id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    time INTEGER NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (sid, id)
  ) WITHOUT ROWID;
  CREATE INDEX events_kind ON events(sid, kind, time);
  CREATE TABLE snapshots (
    sid INTEGER NOT NULL REFERENCES sessions(sid) ON DELETE CASCADE,
    name TEXT NOT NULL,
    seq INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (sid, name)
  ) WITHOUT ROWID;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export interface OpenDbOptions {
  /**
   * 'full' (default) fsyncs the WAL at every batch commit, so an acknowledged edit survives power
   * loss too; 'normal' survives a killed process but not a power cut, and is faster on slow disks.
   */
  synchronous?: 'full' | 'normal';
  readonly?: boolean;
}

/** ':memory:' and '' are SQLite's in-memory and temporary databases: no file of ours. */
const isOnDisk = (file: string) => file !== '' && file !== ':memory:';

export function openDb(file: string, options: OpenDbOptions = {}): Db {
  let db: Db;
  try {
    // The history holds file contents and terminal output: owner-only, with its -wal and -shm
    // (SQLite gives those the database file's mode), and tightened if an older install left 0644.
    if (isOnDisk(file) && !options.readonly) createPrivateFile(file);
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    if (isOnDisk(file)) tightenSqliteFiles(file);
  } catch (error) {
    throw new HistoryError('not-found', `cannot open history database ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    }
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof HistoryError) throw error;
    // e.g. SQLITE_NOTADB: some other file was given as the database.
    throw new HistoryError('corrupt-file', `${file} is not a usable history database: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new HistoryError(
      'unsupported-version',
      `history database schema version ${current} is newer than this CodeCrafter supports (${SCHEMA_VERSION}); update the app`,
    );
  }
  for (let version = current; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
