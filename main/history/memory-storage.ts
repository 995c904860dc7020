// The history storage in memory, for tests of the recorder, the replay and the services that do
// not need a file. It keeps the SQLite storage's rules (test/integration/history/storage-contract.ts runs the same cases
// against both): unique keys, all-or-nothing batches, byte arrays copied in and out.
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

interface MemorySession {
  /** Creation order: breaks ties between sessions created in the same millisecond. */
  order: number;
  record: SessionRecord;
  /** Ascending by firstSeq. */
  chunks: UpdateChunk[];
  keyframes: Map<number, Keyframe>;
  /** Ascending by id. */
  events: EventRow[];
  snapshots: Map<string, SnapshotRow>;
}

const copyBytes = (bytes: Uint8Array): Uint8Array => new Uint8Array(bytes);
const copyChunk = (c: UpdateChunk): UpdateChunk => ({ ...c, body: copyBytes(c.body) });
const copyKeyframe = (k: Keyframe): Keyframe => ({ seq: k.seq, time: k.time, data: copyBytes(k.data) });
const copyRecord = (r: SessionRecord): SessionRecord => ({ ...r, meta: structuredClone(r.meta) });

export class MemoryHistoryStorage implements HistoryStorage {
  private readonly sessions = new Map<string, MemorySession>();
  private nextOrder = 0;
  private closed = false;

  createSession(session: NewSessionRecord): void {
    this.assertOpen();
    this.insert({ ...session, lastSeq: 0, endedAt: null });
  }

  getSession(id: string): SessionRecord | undefined {
    this.assertOpen();
    const s = this.sessions.get(id);
    return s && copyRecord(s.record);
  }

  listSessions(filter: { workspaceId?: string } = {}): SessionRecord[] {
    this.assertOpen();
    return [...this.sessions.values()]
      .filter((s) => filter.workspaceId === undefined || s.record.workspaceId === filter.workspaceId)
      .sort((a, b) => b.record.createdAt - a.record.createdAt || b.order - a.order)
      .map((s) => copyRecord(s.record));
  }

  updateSession(id: string, patch: { endedAt?: number | null; workspaceId?: string }): boolean {
    this.assertOpen();
    const s = this.sessions.get(id);
    if (!s) return false;
    if (patch.endedAt !== undefined) s.record.endedAt = patch.endedAt;
    if (patch.workspaceId !== undefined) s.record.workspaceId = patch.workspaceId;
    return true;
  }

  sessionsUpdatedBefore(time: number): string[] {
    this.assertOpen();
    return [...this.sessions.values()]
      .filter((s) => s.record.updatedAt < time)
      .sort((a, b) => a.record.updatedAt - b.record.updatedAt)
      .map((s) => s.record.id);
  }

  deleteSessions(ids: readonly string[]): number {
    this.assertOpen();
    return ids.reduce((n, id) => n + (this.sessions.delete(id) ? 1 : 0), 0);
  }

  append(sessionId: string, batch: AppendBatch): void {
    const s = this.session(sessionId);
    // Checked before anything changes, as a failed SQLite transaction leaves nothing behind.
    const starts = new Set(s.chunks.map((c) => c.firstSeq));
    for (const c of batch.chunks) {
      if (starts.has(c.firstSeq)) throw new HistoryError('conflict', `a chunk starting at update ${c.firstSeq} is already stored`);
      starts.add(c.firstSeq);
    }
    const ids = new Set(s.events.map((e) => e.id));
    for (const e of batch.events) {
      if (ids.has(e.id)) throw new HistoryError('conflict', `event ${e.id} is already stored`);
      ids.add(e.id);
    }
    s.chunks.push(...batch.chunks.map(copyChunk));
    s.chunks.sort((a, b) => a.firstSeq - b.firstSeq);
    s.events.push(...batch.events.map((e) => ({ ...e })));
    s.events.sort((a, b) => a.id - b.id);
    if (batch.keyframe) s.keyframes.set(batch.keyframe.seq, copyKeyframe(batch.keyframe));
    Object.assign(s.record, { lastSeq: batch.lastSeq, lastTime: batch.lastTime, updatedAt: batch.updatedAt });
  }

  lastEventId(sessionId: string): number {
    return this.find(sessionId)?.events.at(-1)?.id ?? 0;
  }

  chunks(sessionId: string, range: { afterSeq: number; uptoSeq: number; limit?: number }): UpdateChunk[] {
    const found = (this.find(sessionId)?.chunks ?? []).filter((c) => c.lastSeq > range.afterSeq && c.firstSeq <= range.uptoSeq);
    return (range.limit === undefined || range.limit < 0 ? found : found.slice(0, range.limit)).map(copyChunk);
  }

  chunkAtSeq(sessionId: string, seq: number): UpdateChunk | undefined {
    const c = this.find(sessionId)?.chunks.findLast((x) => x.firstSeq <= seq);
    return c && copyChunk(c);
  }

  chunkAtTime(sessionId: string, time: number): UpdateChunk | undefined {
    let best: UpdateChunk | undefined;
    for (const c of this.find(sessionId)?.chunks ?? []) {
      if (c.firstTime <= time && (!best || c.firstTime > best.firstTime || (c.firstTime === best.firstTime && c.firstSeq > best.firstSeq))) best = c;
    }
    return best && copyChunk(best);
  }

  keyframeAtOrBefore(sessionId: string, seq: number): Keyframe | undefined {
    let best: Keyframe | undefined;
    for (const k of this.find(sessionId)?.keyframes.values() ?? []) if (k.seq <= seq && (!best || k.seq > best.seq)) best = k;
    return best && copyKeyframe(best);
  }

  keyframeSeqs(sessionId: string): number[] {
    return [...(this.find(sessionId)?.keyframes.keys() ?? [])].sort((a, b) => a - b);
  }

  keyframes(sessionId: string): Keyframe[] {
    return [...(this.find(sessionId)?.keyframes.values() ?? [])].sort((a, b) => a.seq - b.seq).map(copyKeyframe);
  }

  putKeyframes(sessionId: string, frames: readonly Keyframe[]): void {
    const s = this.session(sessionId);
    for (const k of frames) s.keyframes.set(k.seq, copyKeyframe(k));
  }

  events(sessionId: string, window: { fromTime?: number; toTime?: number } = {}): EventRow[] {
    const from = window.fromTime ?? 0;
    const to = window.toTime ?? Number.MAX_SAFE_INTEGER;
    return (this.find(sessionId)?.events ?? []).filter((e) => e.time >= from && e.time <= to).map((e) => ({ ...e }));
  }

  putSnapshot(sessionId: string, snapshot: SnapshotRow): void {
    this.session(sessionId).snapshots.set(snapshot.name, { ...snapshot });
  }

  snapshots(sessionId: string): SnapshotRow[] {
    return [...(this.find(sessionId)?.snapshots.values() ?? [])]
      .sort((a, b) => a.seq - b.seq || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((sn) => ({ ...sn }));
  }

  deleteSnapshot(sessionId: string, name: string): boolean {
    return this.find(sessionId)?.snapshots.delete(name) ?? false;
  }

  importSession({ session, chunks, keyframes, events, snapshots }: SessionArchive): void {
    this.assertOpen();
    const s = this.insert(session);
    s.chunks = chunks.map(copyChunk).sort((a, b) => a.firstSeq - b.firstSeq);
    for (const k of keyframes) s.keyframes.set(k.seq, copyKeyframe(k));
    s.events = events.map((e) => ({ ...e })).sort((a, b) => a.id - b.id);
    for (const sn of snapshots) s.snapshots.set(sn.name, { ...sn });
  }

  close(): void {
    this.closed = true;
    this.sessions.clear();
  }

  private insert(record: SessionRecord): MemorySession {
    if (this.sessions.has(record.id)) throw new HistoryError('conflict', `session ${record.id} already exists`);
    const s: MemorySession = {
      order: this.nextOrder++,
      record: copyRecord(record),
      chunks: [],
      keyframes: new Map(),
      events: [],
      snapshots: new Map(),
    };
    this.sessions.set(record.id, s);
    return s;
  }

  private find(sessionId: string): MemorySession | undefined {
    this.assertOpen();
    return this.sessions.get(sessionId);
  }

  private session(sessionId: string): MemorySession {
    const s = this.find(sessionId);
    if (!s) throw new HistoryError('not-found', `no session ${sessionId}`);
    return s;
  }

  private assertOpen(): void {
    if (this.closed) throw new HistoryError('closed', 'history storage is closed');
  }
}
