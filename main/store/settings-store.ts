import { DEFAULT_SETTINGS, type Settings } from '../../common/types';
import type { SqliteDatabase } from './database';

/** Settings as key -> JSON rows, so adding a setting needs no migration. */
export class SettingsStore {
  constructor(private readonly db: SqliteDatabase) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const row of rows) {
      if (!(row.key in DEFAULT_SETTINGS)) continue;
      try {
        const value: unknown = JSON.parse(row.value);
        if (typeof value === typeof DEFAULT_SETTINGS[row.key as keyof Settings]) settings[row.key] = value;
      } catch {
        // A value this version cannot read keeps its default; the row stays for the version that wrote it.
      }
    }
    return settings as unknown as Settings;
  }

  update(patch: Partial<Settings>): Settings {
    const upsert = this.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) upsert.run(key, JSON.stringify(value));
      }
    })();
    return this.get();
  }
}
