// The problem bank's SQLite file (better-sqlite3, WAL), with versioned migrations like
// main/store/database.ts. The file is private to the user (0600): hidden tests are in it.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { migrate, type Migration, type SqliteDatabase } from '../store/database';

export const BANK_FILE = 'problems.sqlite';

export const BANK_MIGRATIONS: Migration[] = [
  {
    version: 1,
    up: `
      CREATE TABLE problems (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        validation TEXT NOT NULL,
        stated_time_limit_ms INTEGER,
        derived_time_limit_ms INTEGER,
        content_hash TEXT NOT NULL,
        origin TEXT NOT NULL,
        imported_at INTEGER NOT NULL
      );
      CREATE TABLE statements (
        problem_id TEXT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        language TEXT NOT NULL,
        markdown TEXT NOT NULL,
        PRIMARY KEY (problem_id, path)
      );
      CREATE TABLE test_groups (
        problem_id TEXT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        testdata_yaml BLOB,
        PRIMARY KEY (problem_id, path)
      );
      CREATE TABLE test_cases (
        problem_id TEXT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        group_path TEXT NOT NULL,
        sample INTEGER NOT NULL,
        input BLOB NOT NULL,
        answer BLOB NOT NULL,
        PRIMARY KEY (problem_id, name)
      );
      CREATE TABLE validators (
        problem_id TEXT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        name TEXT NOT NULL,
        language TEXT NOT NULL,
        content BLOB NOT NULL,
        PRIMARY KEY (problem_id, path)
      );
      CREATE TABLE submissions (
        problem_id TEXT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        submission TEXT NOT NULL,
        expected TEXT NOT NULL,
        language TEXT NOT NULL,
        content BLOB NOT NULL,
        PRIMARY KEY (problem_id, path)
      );
      CREATE TABLE starters (
        problem_id TEXT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        language TEXT NOT NULL,
        content BLOB NOT NULL,
        PRIMARY KEY (problem_id, path)
      );
      -- Every other file of the package (problem.yaml, images, .desc files …), for lossless export.
      CREATE TABLE package_files (
        problem_id TEXT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        content BLOB NOT NULL,
        PRIMARY KEY (problem_id, path)
      );
      CREATE TABLE bank_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
];

export function openBankDatabase(dataDir: string, fileName = BANK_FILE): SqliteDatabase {
  return openPrivateDatabase(dataDir, fileName, BANK_MIGRATIONS);
}

/** A SQLite file only the user may read (0600, WAL, foreign keys), migrated to `migrations`. */
export function openPrivateDatabase(dataDir: string, fileName: string, migrations: Migration[]): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, fileName);
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
