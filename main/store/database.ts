import Database from 'better-sqlite3';
import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { createPrivateFile, securePrivateDataDir, tightenSqliteFiles } from './private-files';

// The app's own database: recent workspaces and settings. WAL, versioned migrations, and a
// corrupt or unreadable file is moved aside (never deleted) and replaced by a fresh one, with a
// notice for the user that says where the old file went.

export type SqliteDatabase = Database.Database;

export interface Migration {
  version: number;
  up: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    up: `
      CREATE TABLE recent_workspaces (
        path TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        opened_at INTEGER NOT NULL
      );
      CREATE INDEX recent_workspaces_opened_at ON recent_workspaces (opened_at DESC);
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    up: `
      CREATE TABLE runs (
        run_id TEXT PRIMARY KEY,
        workspace TEXT NOT NULL,
        language TEXT NOT NULL,
        entry TEXT NOT NULL,
        verdict TEXT NOT NULL,
        sandboxed INTEGER NOT NULL,
        exit_code INTEGER,
        signal TEXT,
        wall_ms INTEGER NOT NULL,
        cpu_ms INTEGER,
        peak_memory_kb INTEGER,
        message TEXT,
        output TEXT NOT NULL,
        started_at INTEGER NOT NULL
      );
      CREATE INDEX runs_workspace_started ON runs (workspace, started_at DESC);
    `,
  },
];

export interface OpenedDatabase {
  db: SqliteDatabase;
  /** Set when the previous file could not be used and was kept aside here. */
  recoveredFrom?: { backupPath: string; reason: string };
}

export function migrate(db: SqliteDatabase, migrations: Migration[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(`database schema version ${current} is newer than this CodeCrafter knows (${latest}); update the app`);
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.up);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

function openAndCheck(file: string): SqliteDatabase {
  // 0600 before SQLite sees it: its -wal and -shm then get the same mode.
  createPrivateFile(file);
  const db = new Database(file);
  tightenSqliteFiles(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function isNewerSchemaError(error: unknown): boolean {
  return error instanceof Error && error.message.includes('is newer than this CodeCrafter knows');
}

export function openAppDatabase(dataDir: string, fileName = 'codecrafter.db'): OpenedDatabase {
  // The first thing every host opens, so the data folder is made private here (issue 11).
  securePrivateDataDir(dataDir);
  const file = path.join(dataDir, fileName);
  try {
    return { db: openAndCheck(file) };
  } catch (error) {
    // A database from a newer release is not corrupt: moving it aside would lose the user's data
    // for them. Refuse to start instead, and say why.
    if (isNewerSchemaError(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const backupPath = `${file}.corrupt-${stamp}.bak`;
    renameSync(file, backupPath);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, backupPath + suffix);
    }
    return { db: openAndCheck(file), recoveredFrom: { backupPath, reason } };
  }
}
