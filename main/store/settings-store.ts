import { SettingsSchema } from '../../common/contract';
import { DEFAULT_SETTINGS, type Settings } from '../../common/types';
import type { SqliteDatabase } from './database';

/** Settings as key -> JSON rows, so adding a setting needs no migration. */
export class SettingsStore {
  constructor(private readonly db: SqliteDatabase) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    const fields = SettingsSchema.shape as Record<string, (typeof SettingsSchema.shape)[keyof Settings]>;
    for (const row of rows) {
      const field = Object.hasOwn(fields, row.key) ? fields[row.key] : undefined;
      if (!field) continue;
      try {
        // Each row is checked against its field's schema: an out-of-range or unknown value written
        // by another version (or by hand) keeps the default instead of reaching Monaco.
        const parsed = field.safeParse(JSON.parse(row.value));
        if (parsed.success) settings[row.key] = parsed.data;
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
