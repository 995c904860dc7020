import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openAppDatabase } from './database';
import { RecentWorkspaces } from './recent-workspaces';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('app database', () => {
  it('creates a WAL database at the latest schema version', () => {
    const { db, recoveredFrom } = openAppDatabase(dir);
    expect(recoveredFrom).toBeUndefined();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    db.close();
  });

  it('keeps data across reopening', () => {
    const first = openAppDatabase(dir).db;
    new RecentWorkspaces(first).touch({ path: '/a', name: 'a' }, 1);
    new RecentWorkspaces(first).touch({ path: '/b', name: 'b' }, 2);
    first.close();
    const second = openAppDatabase(dir).db;
    expect(new RecentWorkspaces(second).list().map((r) => r.path)).toEqual(['/b', '/a']);
    second.close();
  });

  it('moves a corrupt file aside, keeps it byte for byte, and starts fresh', () => {
    const file = path.join(dir, 'codecrafter.db');
    const garbage = Buffer.from('this is not a database, but somebody may want it back '.repeat(100));
    writeFileSync(file, garbage);
    const { db, recoveredFrom } = openAppDatabase(dir);
    expect(recoveredFrom).toBeDefined();
    expect(recoveredFrom!.reason).toMatch(/not a database|malformed|integrity/i);
    expect(readFileSync(recoveredFrom!.backupPath)).toEqual(garbage);
    expect(new RecentWorkspaces(db).list()).toEqual([]);
    db.close();
    expect(readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
  });

  it('refuses a database from a newer version instead of moving it aside', () => {
    const file = path.join(dir, 'codecrafter.db');
    const newer = new Database(file);
    newer.pragma('user_version = 999');
    newer.close();
    expect(() => openAppDatabase(dir)).toThrow(/newer than this CodeCrafter knows/);
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(0);
  });
});
