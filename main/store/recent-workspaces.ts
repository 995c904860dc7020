import type { RecentWorkspace } from '../../common/types';
import type { SqliteDatabase } from './database';

/** How many folders the "recent" list keeps. */
export const MAX_RECENT_WORKSPACES = 20;

export class RecentWorkspaces {
  constructor(private readonly db: SqliteDatabase) {}

  touch(entry: { path: string; name: string }, now = Date.now()): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO recent_workspaces (path, name, opened_at) VALUES (?, ?, ?)
           ON CONFLICT(path) DO UPDATE SET name = excluded.name, opened_at = excluded.opened_at`,
        )
        .run(entry.path, entry.name, now);
      this.db
        .prepare(
          `DELETE FROM recent_workspaces WHERE path NOT IN
             (SELECT path FROM recent_workspaces ORDER BY opened_at DESC LIMIT ?)`,
        )
        .run(MAX_RECENT_WORKSPACES);
    })();
  }

  list(): RecentWorkspace[] {
    return this.db
      .prepare('SELECT path, name, opened_at AS openedAt FROM recent_workspaces ORDER BY opened_at DESC')
      .all() as RecentWorkspace[];
  }

  remove(path: string): void {
    this.db.prepare('DELETE FROM recent_workspaces WHERE path = ?').run(path);
  }
}
