import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { HistoryRetention } from '../../common/contract-history';
import type { SqliteDatabase } from './database';
import { getLogger } from '../log/log-service';

// How long history sessions are kept, in the app database's settings table with the other
// settings (issue 12). Earlier versions kept it in a JSON side file in the data folder: that file
// is read once, its value moved here, and the file removed.

const log = getLogger('store');

/** The settings row; not a field of the Settings contract (the Replay view has its own control). */
const KEY = 'historyRetentionDays';
/** Where versions before issue 12 kept the retention. */
export const LEGACY_RETENTION_FILE = 'history-retention.json';

function validDays(days: unknown): number | null {
  return typeof days === 'number' && Number.isInteger(days) && days >= 1 ? days : null;
}

export class HistoryRetentionStore {
  constructor(
    private readonly db: SqliteDatabase,
    dataDir: string,
  ) {
    this.migrateLegacyFile(path.join(dataDir, LEGACY_RETENTION_FILE));
  }

  get(): HistoryRetention {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
    if (!row) return { days: null };
    try {
      return { days: validDays(JSON.parse(row.value)) };
    } catch (error) {
      log.warn({ err: error, key: KEY }, 'could not read the history retention; keeping everything');
      return { days: null };
    }
  }

  set(days: number | null): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(KEY, JSON.stringify(days));
  }

  private migrateLegacyFile(file: string): void {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn({ err: error, file }, 'could not read the old history retention file');
      return;
    }
    // A value already in the database is newer than the file (the file was left by a crash between
    // the two steps below): it wins.
    const exists = this.db.prepare('SELECT 1 FROM settings WHERE key = ?').get(KEY);
    if (!exists) {
      let days: number | null = null;
      try {
        days = validDays((JSON.parse(text) as { days?: unknown }).days);
      } catch (error) {
        log.warn({ err: error, file }, 'the old history retention file is not JSON; keeping everything');
      }
      this.set(days);
    }
    try {
      rmSync(file);
    } catch (error) {
      log.warn({ err: error, file }, 'could not remove the old history retention file; it is read only once');
    }
    log.info({ file, days: this.get().days }, 'history retention moved into the settings database');
  }
}
