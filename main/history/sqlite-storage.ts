// The history storage in one SQLite file (WAL; schema and pragmas in db.ts). Sessions are keyed
// by an integer `sid` inside the file; the interface speaks session ids, and each call looks the
// sid up once through the unique index on `id`.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Statement } from 'better-sqlite3';
import type { SessionKind } from '../../common/history';
import { openDb, type Db, type OpenDbOptions } from './db';
import { HistoryError } from './errors';
import type {
  AppendBatch,
  EventRow,
  HistoryStorage,
  Keyframe,
  NewSessionRecord,
  SessionArchive,
  SessionRecord,
  SnapshotRow,
  UpdateChunk,
} from './storage';

interface SessionDbRow {
  sid: number;
  id: string;
  workspace_id: string;
  kind: string;
  title: string | null;
  created_at: number;
  updated_at: number;
  ended_at: number | null;
  last_seq: number;
  last_time: number;
  parent_id: string | null;
  parent_seq: number | null;
  meta: string;
}

interface ChunkDbRow {
  first_seq: number;
  last_seq: number;
  first_time: number;
  last_time: number;
  body: Uint8Array;
}

const CHUNK_COLUMNS = 'first_seq, last_seq, first_time, last_time, body';

export class SqliteHistoryStorage implements HistoryStorage {
  private readonly stmts;

  constructor(
    /** The open database; exposed for tests and benchmarks that look at the file itself. */
    readonly db: Db,
    readonly file: string,
  ) {
    const s = (sql: string): Statement => db.prepare(sql);
    this.stmts = {
      sid: s('SELECT sid FROM sessions WHERE id = ?').pluck(),
      session: s('SELECT * FROM sessions WHERE id = ?'),
      insertSession: s(
        `INSERT INTO sessions (id, workspace_id, kind, title, created_at, updated_at, ended_at, last_seq, last_time, parent_id, parent_seq, meta)
         VALUES (@id, @workspaceId, @kind, @title, @createdAt, @updatedAt, @endedAt, @lastSeq, @lastTime, @parentId, @parentSeq, @meta)`,
      ),
      chunk: s('INSERT INTO update_chunks (sid, first_seq, last_seq, first_time, last_time, body) VALUES (?, ?, ?, ?, ?, ?)'),
      event: s('INSERT INTO events (sid, id, seq, time, kind, payload) VALUES (?, ?, ?, ?, ?, ?)'),
      keyframe: s('INSERT OR REPLACE INTO keyframes (sid, seq, time, data) VALUES (?, ?, ?, ?)'),
      progress: s('UPDATE sessions SET last_seq = ?, last_time = ?, updated_at = ? WHERE sid = ?'),
      lastEventId: s('SELECT COALESCE(MAX(id), 0) FROM events WHERE sid = ?').pluck(),
      chunksInRange: s(`SELECT ${CHUNK_COLUMNS} FROM update_chunks WHERE sid = ? AND last_seq > ? AND first_seq <= ? ORDER BY first_seq LIMIT ?`),
      chunkAtSeq: s(`SELECT ${CHUNK_COLUMNS} FROM update_chunks WHERE sid = ? AND first_seq <= ? ORDER BY first_seq DESC LIMIT 1`),
      chunkAtTime: s(
        `SELECT ${CHUNK_COLUMNS} FROM update_chunks WHERE sid = ? AND first_time <= ? ORDER BY first_time DESC, first_seq DESC LIMIT 1`,
      ),
      keyframeAt: s('SELECT seq, time, data FROM keyframes WHERE sid = ? AND seq <= ? ORDER BY seq DESC LIMIT 1'),
      keyframeSeqs: s('SELECT seq FROM keyframes WHERE sid = ? ORDER BY seq').pluck(),
      keyframes: s('SELECT seq, time, data FROM keyframes WHERE sid = ? ORDER BY seq'),
      events: s('SELECT id, seq, time, kind, payload FROM events WHERE sid = ? AND time >= ? AND time <= ? ORDER BY id'),
      putSnapshot: s('INSERT OR REPLACE INTO snapshots (sid, name, seq, created_at) VALUES (?, ?, ?, ?)'),
      snapshots: s('SELECT name, seq, created_at AS createdAt FROM snapshots WHERE sid = ? ORDER BY seq, name'),
      deleteSnapshot: s('DELETE FROM snapshots WHERE sid = ? AND name = ?'),
      deleteSession: s('DELETE FROM sessions WHERE id = ?'),
      updateSession: s(
        `UPDATE sessions SET ended_at = CASE WHEN @setEnded THEN @endedAt ELSE ended_at END,
           workspace_id = COALESCE(@workspaceId, workspace_id) WHERE id = @id`,
      ),
    };
  }

  /** Opens (creating the folder and the schema) the history file; ':memory:' for a throwaway one. */
  static open(file: string, options: OpenDbOptions = {}): SqliteHistoryStorage {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
    return new SqliteHistoryStorage(openDb(file, options), file);
  }

  createSession(session: NewSessionRecord): void {
    this.assertOpen();
    this.db.transaction(() => {
      if (this.stmts.sid.get(session.id) !== undefined) throw new HistoryError('conflict', `session ${session.id} already exists`);
      this.stmts.insertSession.run(toDbParams({ ...session, lastSeq: 0, endedAt: null }));
    })();
  }

  getSession(id: string): SessionRecord | undefined {
    this.assertOpen();
    const row = this.stmts.session.get(id) as SessionDbRow | undefined;
    return row && toRecord(row);
  }

  listSessions(filter: { workspaceId?: string } = {}): SessionRecord[] {
    this.assertOpen();
    const rows = (
      filter.workspaceId === undefined
        ? this.db.prepare('SELECT * FROM sessions ORDER BY created_at DESC, sid DESC').all()
        : this.db.prepare('SELECT * FROM sessions WHERE workspace_id = ? ORDER BY created_at DESC, sid DESC').all(filter.workspaceId)
    ) as SessionDbRow[];
    return rows.map(toRecord);
  }

  updateSession(id: string, patch: { endedAt?: number | null; workspaceId?: string }): boolean {
    this.assertOpen();
    // COALESCE keeps a column the patch leaves out; `ended_at` may be set back to NULL (resumed), so it has a flag.
    return (
      this.stmts.updateSession.run({
        id,
        setEnded: patch.endedAt === undefined ? 0 : 1,
        endedAt: patch.endedAt ?? null,
        workspaceId: patch.workspaceId ?? null,
      }).changes > 0
    );
  }

  sessionsUpdatedBefore(time: number): string[] {
    this.assertOpen();
    return this.db.prepare('SELECT id FROM sessions WHERE updated_at < ? ORDER BY updated_at').pluck().all(time) as string[];
  }

  deleteSessions(ids: readonly string[]): number {
    this.assertOpen();
    // Chunks, keyframes, events and snapshots go with their session (ON DELETE CASCADE).
    return this.db.transaction(() => ids.reduce((n, id) => n + this.stmts.deleteSession.run(id).changes, 0))();
  }

  append(sessionId: string, batch: AppendBatch): void {
    this.assertOpen();
    this.db.transaction(() => {
      const sid = this.sidOf(sessionId);
      for (const c of batch.chunks) this.stmts.chunk.run(sid, c.firstSeq, c.lastSeq, c.firstTime, c.lastTime, c.body);
      for (const e of batch.events) this.stmts.event.run(sid, e.id, e.seq, e.time, e.kind, e.payload);
      const k = batch.keyframe;
      if (k) this.stmts.keyframe.run(sid, k.seq, k.time, k.data);
      this.stmts.progress.run(batch.lastSeq, batch.lastTime, batch.updatedAt, sid);
    })();
  }

  lastEventId(sessionId: string): number {
    const sid = this.findSid(sessionId);
    return sid === undefined ? 0 : (this.stmts.lastEventId.get(sid) as number);
  }

  chunks(sessionId: string, range: { afterSeq: number; uptoSeq: number; limit?: number }): UpdateChunk[] {
    const sid = this.findSid(sessionId);
    if (sid === undefined) return [];
    return (this.stmts.chunksInRange.all(sid, range.afterSeq, range.uptoSeq, range.limit ?? -1) as ChunkDbRow[]).map(toChunk);
  }

  chunkAtSeq(sessionId: string, seq: number): UpdateChunk | undefined {
    const sid = this.findSid(sessionId);
    const row = sid === undefined ? undefined : (this.stmts.chunkAtSeq.get(sid, seq) as ChunkDbRow | undefined);
    return row && toChunk(row);
  }

  chunkAtTime(sessionId: string, time: number): UpdateChunk | undefined {
    const sid = this.findSid(sessionId);
    const row = sid === undefined ? undefined : (this.stmts.chunkAtTime.get(sid, time) as ChunkDbRow | undefined);
    return row && toChunk(row);
  }

  keyframeAtOrBefore(sessionId: string, seq: number): Keyframe | undefined {
    const sid = this.findSid(sessionId);
    return sid === undefined ? undefined : (this.stmts.keyframeAt.get(sid, seq) as Keyframe | undefined);
  }

  keyframeSeqs(sessionId: string): number[] {
    const sid = this.findSid(sessionId);
    return sid === undefined ? [] : (this.stmts.keyframeSeqs.all(sid) as number[]);
  }

  keyframes(sessionId: string): Keyframe[] {
    const sid = this.findSid(sessionId);
    return sid === undefined ? [] : (this.stmts.keyframes.all(sid) as Keyframe[]);
  }

  putKeyframes(sessionId: string, frames: readonly Keyframe[]): void {
    this.assertOpen();
    this.db.transaction(() => {
      const sid = this.sidOf(sessionId);
      for (const k of frames) this.stmts.keyframe.run(sid, k.seq, k.time, k.data);
    })();
  }

  events(sessionId: string, window: { fromTime?: number; toTime?: number } = {}): EventRow[] {
    const sid = this.findSid(sessionId);
    if (sid === undefined) return [];
    return this.stmts.events.all(sid, window.fromTime ?? 0, window.toTime ?? Number.MAX_SAFE_INTEGER) as EventRow[];
  }

  putSnapshot(sessionId: string, snapshot: SnapshotRow): void {
    this.assertOpen();
    this.stmts.putSnapshot.run(this.sidOf(sessionId), snapshot.name, snapshot.seq, snapshot.createdAt);
  }

  snapshots(sessionId: string): SnapshotRow[] {
    const sid = this.findSid(sessionId);
    return sid === undefined ? [] : (this.stmts.snapshots.all(sid) as SnapshotRow[]);
  }

  deleteSnapshot(sessionId: string, name: string): boolean {
    const sid = this.findSid(sessionId);
    return sid !== undefined && this.stmts.deleteSnapshot.run(sid, name).changes > 0;
  }

  importSession({ session, chunks, keyframes, events, snapshots }: SessionArchive): void {
    this.assertOpen();
    this.db.transaction(() => {
      if (this.stmts.sid.get(session.id) !== undefined) throw new HistoryError('conflict', `session ${session.id} already exists`);
      const sid = Number(this.stmts.insertSession.run(toDbParams(session)).lastInsertRowid);
      for (const c of chunks) this.stmts.chunk.run(sid, c.firstSeq, c.lastSeq, c.firstTime, c.lastTime, c.body);
      for (const k of keyframes) this.stmts.keyframe.run(sid, k.seq, k.time, k.data);
      for (const e of events) this.stmts.event.run(sid, e.id, e.seq, e.time, e.kind, e.payload);
      for (const sn of snapshots) this.stmts.putSnapshot.run(sid, sn.name, sn.seq, sn.createdAt);
    })();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private findSid(sessionId: string): number | undefined {
    this.assertOpen();
    return this.stmts.sid.get(sessionId) as number | undefined;
  }

  private sidOf(sessionId: string): number {
    const sid = this.findSid(sessionId);
    if (sid === undefined) throw new HistoryError('not-found', `no session ${sessionId}`);
    return sid;
  }

  private assertOpen(): void {
    if (!this.db.open) throw new HistoryError('closed', 'history storage is closed');
  }
}

function toDbParams(s: Omit<SessionRecord, 'lastSeq' | 'endedAt'> & { lastSeq: number; endedAt: number | null }) {
  return {
    id: s.id,
    workspaceId: s.workspaceId,
    kind: s.kind,
    title: s.title,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    endedAt: s.endedAt,
    lastSeq: s.lastSeq,
    lastTime: s.lastTime,
    parentId: s.parentId,
    parentSeq: s.parentSeq,
    meta: JSON.stringify(s.meta),
  };
}

function toRecord(row: SessionDbRow): SessionRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind as SessionKind,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    endedAt: row.ended_at,
    lastSeq: row.last_seq,
    lastTime: row.last_time,
    parentId: row.parent_id,
    parentSeq: row.parent_seq,
    meta: JSON.parse(row.meta) as Record<string, unknown>,
  };
}

function toChunk(row: ChunkDbRow): UpdateChunk {
  return { firstSeq: row.first_seq, lastSeq: row.last_seq, firstTime: row.first_time, lastTime: row.last_time, body: row.body };
}
