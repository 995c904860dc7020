// The history store: one SQLite file holding every recorded session of this peer (DESIGN.md
// section 6). The API the lead exposes over IPC: open, startSession/resumeSession (recorders),
// listSessions, openReplay, forkSession, export/import, retention.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import {
  SessionIdSchema,
  StartSessionSchema,
  type ReplayPoint,
  type SessionInfo,
  type SessionKind,
  type StartSessionOptions,
} from '../../common/history';
import { openDb, type Db, type OpenDbOptions } from './db';
import { HistoryError } from './errors';
import { SessionLog, ensureKeyframes } from './log';
import { DEFAULT_KEYFRAME_EVERY, SessionRecorder, type RecorderOptions, type SessionRow } from './recorder';
import { Replayer } from './replayer';
import { exportSessionFile, importSessionFile } from './archive';

export interface HistoryStoreOptions extends OpenDbOptions {
  /** Defaults for every recorder this store starts. */
  recorder?: RecorderOptions;
}

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

export class HistoryStore {
  private readonly recorders = new Map<string, SessionRecorder>();
  private closed = false;

  private constructor(
    readonly db: Db,
    readonly file: string,
    private readonly options: HistoryStoreOptions,
  ) {}

  static open(file: string, options: HistoryStoreOptions = {}): HistoryStore {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
    return new HistoryStore(openDb(file, options), file, options);
  }

  get keyframeEvery(): number {
    return this.options.recorder?.keyframeEvery ?? DEFAULT_KEYFRAME_EVERY;
  }

  startSession(input: StartSessionOptions, recorderOptions: RecorderOptions = {}): SessionRecorder {
    this.assertOpen();
    const parsed = StartSessionSchema.safeParse(input);
    if (!parsed.success) throw new HistoryError('invalid-input', `invalid session options: ${parsed.error.message}`);
    const info = this.insertSession({ ...parsed.data, id: randomUUID() });
    return this.recorderFor(info.id, recorderOptions);
  }

  /** Continues recording an existing session (after a restart or a crash) from its last durable update. */
  resumeSession(id: string, recorderOptions: RecorderOptions = {}): SessionRecorder {
    this.assertOpen();
    this.row(id);
    this.db.prepare('UPDATE sessions SET ended_at = NULL WHERE id = ?').run(id);
    return this.recorderFor(id, recorderOptions);
  }

  listSessions(filter: { workspaceId?: string } = {}): SessionInfo[] {
    this.assertOpen();
    const rows = (
      filter.workspaceId === undefined
        ? this.db.prepare('SELECT * FROM sessions ORDER BY created_at DESC, sid DESC').all()
        : this.db.prepare('SELECT * FROM sessions WHERE workspace_id = ? ORDER BY created_at DESC, sid DESC').all(filter.workspaceId)
    ) as SessionDbRow[];
    return rows.map(toInfo);
  }

  getSession(id: string): SessionInfo {
    return toInfo(this.row(id));
  }

  /** Commits what a live recorder of `id` holds and returns the session's last durable seq. */
  syncSession(id: string): number {
    this.recorders.get(id)?.flush();
    return this.row(id).last_seq;
  }

  /** Opens a session for replay; fills in any missing keyframes first (once). */
  openReplay(id: string): Replayer {
    this.assertOpen();
    const active = this.recorders.get(id);
    active?.flush();
    const row = this.row(id);
    ensureKeyframes(this.db, new SessionLog(this.db, row.sid, row.created_at), row.last_seq, this.keyframeEvery);
    return new Replayer(this.db, toInfo(row), row.sid, this.keyframeEvery);
  }

  /** Builds missing keyframes now (e.g. at idle, or right after a bulk import); returns how many. */
  indexSession(id: string): number {
    const row = this.row(id);
    return ensureKeyframes(this.db, new SessionLog(this.db, row.sid, row.created_at), row.last_seq, this.keyframeEvery);
  }

  /**
   * A new session that starts with the state of `id` at `point` as its first update; edits recorded
   * on it never touch the original. Resume it with resumeSession to keep recording.
   */
  forkSession(id: string, point: ReplayPoint, options: { title?: string; kind?: SessionKind } = {}): SessionInfo {
    const replayer = this.openReplay(id);
    const at = replayer.resolve(point);
    const source = replayer.session;
    const doc: Y.Doc = replayer.docAt({ seq: at.seq });
    const info = this.insertSession({
      id: randomUUID(),
      workspaceId: source.workspaceId,
      kind: options.kind ?? 'fork',
      title: options.title ?? `${source.title ?? 'session'} (fork at ${at.seq})`,
      meta: source.meta,
      startedAt: at.time,
      parentId: source.id,
      parentSeq: at.seq,
    });
    const recorder = this.recorderFor(info.id, {});
    if (at.seq > 0) recorder.recordUpdate(Y.encodeStateAsUpdate(doc), { author: 'fork', origin: 'fork', time: at.time });
    recorder.close();
    doc.destroy();
    this.indexSession(info.id);
    return this.getSession(info.id);
  }

  deleteSession(id: string): boolean {
    this.assertOpen();
    if (this.recorders.has(id)) throw new HistoryError('conflict', `session ${id} is being recorded`);
    return this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id).changes > 0;
  }

  /** Retention: deletes sessions with no activity for `days` days (never one being recorded). */
  pruneOlderThan(days: number, now = Date.now()): string[] {
    this.assertOpen();
    if (!(days >= 0) || !Number.isFinite(days)) throw new HistoryError('invalid-input', 'days must be a non-negative number');
    const cutoff = now - days * 86_400_000;
    const ids = (this.db.prepare('SELECT id FROM sessions WHERE updated_at < ?').pluck().all(cutoff) as string[]).filter(
      (id) => !this.recorders.has(id),
    );
    const del = this.db.prepare('DELETE FROM sessions WHERE id = ?');
    this.db.transaction(() => ids.forEach((id) => del.run(id)))();
    return ids;
  }

  exportSession(id: string, file: string): { bytes: number; sha256: string } {
    this.assertOpen();
    this.recorders.get(id)?.flush();
    this.indexSession(id);
    return exportSessionFile(this.db, this.row(id).sid, file);
  }

  /** Imports a file written by exportSession; checks it fully before writing anything. */
  importSession(file: string, options: { newId?: boolean } = {}): SessionInfo {
    this.assertOpen();
    const id = importSessionFile(this.db, file, options.newId ? randomUUID() : undefined);
    return this.getSession(id);
  }

  /** Flushes and closes every recorder, then the database. */
  close(): void {
    if (this.closed) return;
    for (const recorder of [...this.recorders.values()]) recorder.close({ keepOpen: true });
    this.db.close();
    this.closed = true;
  }

  private insertSession(
    s: StartSessionOptions & { id: string; parentId?: string; parentSeq?: number },
  ): SessionInfo {
    const now = Date.now();
    const start = s.startedAt ?? now;
    this.db
      .prepare(
        `INSERT INTO sessions (id, workspace_id, kind, title, created_at, updated_at, last_seq, last_time, parent_id, parent_seq, meta)
         VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
      )
      .run(s.id, s.workspaceId, s.kind, s.title ?? null, start, now, start, s.parentId ?? null, s.parentSeq ?? null, JSON.stringify(s.meta ?? {}));
    return this.getSession(s.id);
  }

  private recorderFor(id: string, recorderOptions: RecorderOptions): SessionRecorder {
    if (this.recorders.has(id)) throw new HistoryError('conflict', `session ${id} already has a recorder`);
    const row = this.row(id) as SessionRow;
    const recorder = new SessionRecorder(this.db, row, { ...this.options.recorder, ...recorderOptions }, (r) => {
      this.recorders.delete(r.sessionId);
      if (!this.closed && r.lastSeq > 0) this.indexSession(r.sessionId);
    });
    this.recorders.set(id, recorder);
    return recorder;
  }

  private row(id: string): SessionDbRow {
    this.assertOpen();
    if (!SessionIdSchema.safeParse(id).success) throw new HistoryError('invalid-input', `not a session id: ${JSON.stringify(id)}`);
    const row = this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionDbRow | undefined;
    if (!row) throw new HistoryError('not-found', `no session ${id}`);
    return row;
  }

  private assertOpen(): void {
    if (this.closed) throw new HistoryError('closed', 'history store is closed');
  }
}

function toInfo(row: SessionDbRow): SessionInfo {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind as SessionKind,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    endedAt: row.ended_at,
    lastSeq: row.last_seq,
    parentId: row.parent_id,
    parentSeq: row.parent_seq,
    meta: JSON.parse(row.meta) as Record<string, unknown>,
  };
}
