import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { entryId, MembershipEntrySchema, type MembershipEntry } from '../../common/membership';
import { migrate, type Migration, type SqliteDatabase } from '../store/database';

// Rooms and their membership logs on this machine (issue 8, item 2), in their own SQLite file
// beside the app database, so a room reopened later (or offline) has the log it had. Entries are
// stored as received and checked again (common/membership.ts) when loaded into a MembershipLog:
// the file is not trusted more than the network.

const ROOM_MIGRATIONS: Migration[] = [
  {
    version: 1,
    up: `
      CREATE TABLE rooms (
        room_id TEXT PRIMARY KEY,
        owner_key TEXT NOT NULL,
        salt TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE membership_entries (
        room_id TEXT NOT NULL REFERENCES rooms (room_id) ON DELETE CASCADE,
        entry_id TEXT NOT NULL,
        entry TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        PRIMARY KEY (room_id, entry_id)
      );
    `,
  },
];

export interface StoredRoom {
  roomId: string;
  ownerKey: string;
  salt: string;
  createdAt: number;
}

export class MembershipStore {
  private readonly db: SqliteDatabase;

  constructor(file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db, ROOM_MIGRATIONS);
  }

  static inDataDir(dataDir: string): MembershipStore {
    return new MembershipStore(path.join(dataDir, 'rooms.db'));
  }

  saveRoom(room: StoredRoom): void {
    this.db
      .prepare('INSERT INTO rooms (room_id, owner_key, salt, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(room_id) DO NOTHING')
      .run(room.roomId, room.ownerKey, room.salt, room.createdAt);
  }

  room(roomId: string): StoredRoom | null {
    const row = this.db.prepare('SELECT room_id, owner_key, salt, created_at FROM rooms WHERE room_id = ?').get(roomId) as
      | { room_id: string; owner_key: string; salt: string; created_at: number }
      | undefined;
    return row ? { roomId: row.room_id, ownerKey: row.owner_key, salt: row.salt, createdAt: row.created_at } : null;
  }

  /** Adds entries (a union: one already kept is not added twice); returns how many were new. */
  addEntries(roomId: string, entries: MembershipEntry[], receivedAt = Date.now()): number {
    const insert = this.db.prepare('INSERT INTO membership_entries (room_id, entry_id, entry, received_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
    let added = 0;
    this.db.transaction(() => {
      for (const entry of entries) added += insert.run(roomId, entryId(entry), JSON.stringify(entry), receivedAt).changes;
    })();
    return added;
  }

  /** The room's entries as stored; rows this version cannot read are left out (and kept). */
  entries(roomId: string): MembershipEntry[] {
    const rows = this.db.prepare('SELECT entry FROM membership_entries WHERE room_id = ? ORDER BY received_at, entry_id').all(roomId) as { entry: string }[];
    const out: MembershipEntry[] = [];
    for (const row of rows) {
      const parsed = MembershipEntrySchema.safeParse(JSON.parse(row.entry));
      if (parsed.success) out.push(parsed.data);
    }
    return out;
  }

  close(): void {
    this.db.close();
  }
}
