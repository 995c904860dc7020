// The history store: every recorded session of this peer (DESIGN.md section 6), over a
// HistoryStorage (storage.ts): one SQLite file in the app, memory in tests. The API the lead
// exposes over IPC: open, startSession/resumeSession (recorders), listSessions, openReplay,
// forkSession, export/import, retention.
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import {
  SessionIdSchema,
  StartSessionSchema,
  type ReplayPoint,
  type SessionInfo,
  type SessionKind,
  type StartSessionOptions,
} from '../../common/history';
import type { OpenDbOptions } from './db';
import { HistoryError } from './errors';
import { SessionLog, ensureKeyframes } from './log';
import { DEFAULT_KEYFRAME_EVERY, SessionRecorder, type RecorderOptions } from './recorder';
import { Replayer } from './replayer';
import { exportSessionFile, importSessionFile } from './archive';
import { SqliteHistoryStorage } from './sqlite-storage';
import type { HistoryStorage, SessionRecord } from './storage';

export interface HistoryStoreOptions {
  /** Defaults for every recorder this store starts. */
  recorder?: RecorderOptions;
}

export class HistoryStore<S extends HistoryStorage = HistoryStorage> {
  private readonly recorders = new Map<string, SessionRecorder>();
  private closed = false;

  /** A store over `storage`; close() closes the storage too. */
  constructor(
    readonly storage: S,
    private readonly options: HistoryStoreOptions = {},
  ) {}

  /** The store over one SQLite file (created with its folder and schema when missing). */
  static open(file: string, options: HistoryStoreOptions & OpenDbOptions = {}): HistoryStore<SqliteHistoryStorage> {
    return new HistoryStore(SqliteHistoryStorage.open(file, options), options);
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
    this.storage.updateSession(id, { endedAt: null });
    return this.recorderFor(id, recorderOptions);
  }

  listSessions(filter: { workspaceId?: string } = {}): SessionInfo[] {
    this.assertOpen();
    return this.storage.listSessions(filter).map(toInfo);
  }

  getSession(id: string): SessionInfo {
    return toInfo(this.row(id));
  }

  /** Commits what a live recorder of `id` holds and returns the session's last durable seq. */
  syncSession(id: string): number {
    this.recorders.get(id)?.flush();
    return this.row(id).lastSeq;
  }

  /** Opens a session for replay; fills in any missing keyframes first (once). */
  openReplay(id: string): Replayer {
    this.assertOpen();
    const active = this.recorders.get(id);
    active?.flush();
    const row = this.row(id);
    ensureKeyframes(this.storage, new SessionLog(this.storage, id, row.createdAt), row.lastSeq, this.keyframeEvery);
    return new Replayer(this.storage, toInfo(row), this.keyframeEvery);
  }

  /** Builds missing keyframes now (e.g. at idle, or right after a bulk import); returns how many. */
  indexSession(id: string): number {
    const row = this.row(id);
    return ensureKeyframes(this.storage, new SessionLog(this.storage, id, row.createdAt), row.lastSeq, this.keyframeEvery);
  }

  /**
   * A new session that starts with the state of `id` at `point` as its first update; edits recorded
   * on it never touch the original. Resume it with resumeSession to keep recording. It belongs to
   * the original's workspace unless `workspaceId` says otherwise (a fork into a new folder).
   */
  forkSession(id: string, point: ReplayPoint, options: { title?: string; kind?: SessionKind; workspaceId?: string } = {}): SessionInfo {
    const replayer = this.openReplay(id);
    const at = replayer.resolve(point);
    const source = replayer.session;
    const doc: Y.Doc = replayer.docAt({ seq: at.seq });
    const info = this.insertSession({
      id: randomUUID(),
      workspaceId: options.workspaceId ?? source.workspaceId,
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
    return this.storage.deleteSessions([id]) > 0;
  }

  /** Retention: deletes sessions with no activity for `days` days (never one being recorded). */
  pruneOlderThan(days: number, now = Date.now()): string[] {
    this.assertOpen();
    if (!(days >= 0) || !Number.isFinite(days)) throw new HistoryError('invalid-input', 'days must be a non-negative number');
    const cutoff = now - days * 86_400_000;
    const ids = this.storage.sessionsUpdatedBefore(cutoff).filter((id) => !this.recorders.has(id));
    this.storage.deleteSessions(ids);
    return ids;
  }

  exportSession(id: string, file: string): { bytes: number; sha256: string } {
    this.assertOpen();
    this.recorders.get(id)?.flush();
    this.indexSession(id);
    return exportSessionFile(this.storage, id, file);
  }

  /** Imports a file written by exportSession; checks it fully before writing anything. */
  importSession(file: string, options: { newId?: boolean } = {}): SessionInfo {
    this.assertOpen();
    const id = importSessionFile(this.storage, file, options.newId ? randomUUID() : undefined);
    return this.getSession(id);
  }

  /** Flushes and closes every recorder, then the storage. */
  close(): void {
    if (this.closed) return;
    for (const recorder of [...this.recorders.values()]) recorder.close({ keepOpen: true });
    this.storage.close();
    this.closed = true;
  }

  private insertSession(
    s: StartSessionOptions & { id: string; parentId?: string; parentSeq?: number },
  ): SessionInfo {
    const now = Date.now();
    const start = s.startedAt ?? now;
    this.storage.createSession({
      id: s.id,
      workspaceId: s.workspaceId,
      kind: s.kind,
      title: s.title ?? null,
      createdAt: start,
      updatedAt: now,
      lastTime: start,
      parentId: s.parentId ?? null,
      parentSeq: s.parentSeq ?? null,
      meta: s.meta ?? {},
    });
    return this.getSession(s.id);
  }

  private recorderFor(id: string, recorderOptions: RecorderOptions): SessionRecorder {
    if (this.recorders.has(id)) throw new HistoryError('conflict', `session ${id} already has a recorder`);
    const recorder = new SessionRecorder(this.storage, this.row(id), { ...this.options.recorder, ...recorderOptions }, (r) => {
      this.recorders.delete(r.sessionId);
      if (!this.closed && r.lastSeq > 0) this.indexSession(r.sessionId);
    });
    this.recorders.set(id, recorder);
    return recorder;
  }

  private row(id: string): SessionRecord {
    this.assertOpen();
    if (!SessionIdSchema.safeParse(id).success) throw new HistoryError('invalid-input', `not a session id: ${JSON.stringify(id)}`);
    const row = this.storage.getSession(id);
    if (!row) throw new HistoryError('not-found', `no session ${id}`);
    return row;
  }

  private assertOpen(): void {
    if (this.closed) throw new HistoryError('closed', 'history store is closed');
  }
}

/** What callers see of a stored session: everything but the recorder's clock. */
function toInfo({ lastTime: _lastTime, ...info }: SessionRecord): SessionInfo {
  return info;
}
