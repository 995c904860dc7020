import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppDatabase } from './database';
import { HistoryRetentionStore, LEGACY_RETENTION_FILE } from './history-retention';

describe('HistoryRetentionStore (a real SQLite file)', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-retention-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('keeps everything by default and stores a choice across reopening', () => {
    const dir = dataDir();
    let { db } = openAppDatabase(dir);
    expect(new HistoryRetentionStore(db, dir).get()).toEqual({ days: null });
    new HistoryRetentionStore(db, dir).set(30);
    db.close();
    ({ db } = openAppDatabase(dir));
    expect(new HistoryRetentionStore(db, dir).get()).toEqual({ days: 30 });
    new HistoryRetentionStore(db, dir).set(null);
    expect(new HistoryRetentionStore(db, dir).get()).toEqual({ days: null });
    db.close();
  });

  it('moves the old JSON side file into the database once, and removes it', () => {
    const dir = dataDir();
    const legacy = path.join(dir, LEGACY_RETENTION_FILE);
    writeFileSync(legacy, JSON.stringify({ days: 14 }));
    const { db } = openAppDatabase(dir);
    const store = new HistoryRetentionStore(db, dir);
    expect(store.get()).toEqual({ days: 14 });
    expect(existsSync(legacy)).toBe(false);
    store.set(7);
    // A file that comes back (an older version ran) does not override the database's newer value.
    writeFileSync(legacy, JSON.stringify({ days: 99 }));
    expect(new HistoryRetentionStore(db, dir).get()).toEqual({ days: 7 });
    expect(existsSync(legacy)).toBe(false);
    db.close();
  });

  it('reads a broken old file as "keep everything" rather than failing start-up', () => {
    const dir = dataDir();
    writeFileSync(path.join(dir, LEGACY_RETENTION_FILE), '{not json');
    const { db } = openAppDatabase(dir);
    expect(new HistoryRetentionStore(db, dir).get()).toEqual({ days: null });
    db.close();
  });
});
