// What the history needs from a storage (issue 12): the rows of sessions, update chunks,
// keyframes, events and snapshots, read and written by session id. The recorder, the replayer,
// the store and the services work over this interface only; SqliteHistoryStorage
// (sqlite-storage.ts) is the one the app uses, MemoryHistoryStorage (memory-storage.ts) is for
// tests, and both pass one contract suite (test/integration/history/storage-contract.ts).
//
// Rows are opaque here: update chunks keep the body chunks.ts encodes, events their JSON payload.
// Markers (runs, pastes, chat, focus loss) are events, and snapshots are named seqs; the replay
// derives the timeline from them. Reading an unknown session gives nothing (empty, undefined);
// writing to one throws HistoryError('not-found').
import type { SessionInfo } from '../../common/history';
import type { EncodedChunk } from './chunks';

/** A session as stored: what SessionInfo says, and the time of its last update. */
export interface SessionRecord extends SessionInfo {
  /** The session clock after its last stored update or event (ms); never goes back. */
  lastTime: number;
}

/** A new session starts empty: no updates, not ended. */
export type NewSessionRecord = Omit<SessionRecord, 'lastSeq' | 'endedAt'>;

/** Consecutive updates firstSeq..lastSeq, encoded by chunks.ts. */
export type UpdateChunk = EncodedChunk;

/** The whole document after update `seq`, as a Yjs V2 update. */
export interface Keyframe {
  seq: number;
  time: number;
  data: Uint8Array;
}

/** A non-Yjs event; `id` counts up from 1 within a session, `payload` is the event's JSON without `kind`. */
export interface EventRow {
  id: number;
  seq: number;
  time: number;
  kind: string;
  payload: string;
}

export interface SnapshotRow {
  name: string;
  seq: number;
  createdAt: number;
}

/** One commit of a recorder: stored all together or not at all. */
export interface AppendBatch {
  chunks: UpdateChunk[];
  events: EventRow[];
  keyframe?: Keyframe;
  /** The session's progress after this batch. */
  lastSeq: number;
  lastTime: number;
  updatedAt: number;
}

/** A whole session, as an export file holds it. */
export interface SessionArchive {
  session: SessionRecord;
  chunks: UpdateChunk[];
  keyframes: Keyframe[];
  events: EventRow[];
  snapshots: SnapshotRow[];
}

export interface HistoryStorage {
  /** Adds an empty session; HistoryError('conflict') if the id is taken. */
  createSession(session: NewSessionRecord): void;
  getSession(id: string): SessionRecord | undefined;
  /** Newest first (createdAt, then the later created of two at the same time). */
  listSessions(filter?: { workspaceId?: string }): SessionRecord[];
  /** Changes a session's end or workspace; false if there is no such session. */
  updateSession(id: string, patch: { endedAt?: number | null; workspaceId?: string }): boolean;
  /** Ids of the sessions with no activity since `time` (updatedAt < time), for retention. */
  sessionsUpdatedBefore(time: number): string[];
  /** Deletes the sessions with everything they hold, in one transaction; returns how many there were. */
  deleteSessions(ids: readonly string[]): number;

  /** Stores a recorder's batch and its progress atomically. */
  append(sessionId: string, batch: AppendBatch): void;
  /** The highest event id of the session (0 when it has none). */
  lastEventId(sessionId: string): number;

  /** Chunks holding any update afterSeq < seq <= uptoSeq, in seq order, at most `limit`. */
  chunks(sessionId: string, range: { afterSeq: number; uptoSeq: number; limit?: number }): UpdateChunk[];
  /** The chunk that starts last at or before `seq`. */
  chunkAtSeq(sessionId: string, seq: number): UpdateChunk | undefined;
  /** The chunk that starts last at or before `time`. */
  chunkAtTime(sessionId: string, time: number): UpdateChunk | undefined;

  /** The keyframe with the highest seq <= `seq`. */
  keyframeAtOrBefore(sessionId: string, seq: number): Keyframe | undefined;
  /** Seqs of the session's keyframes, ascending. */
  keyframeSeqs(sessionId: string): number[];
  keyframes(sessionId: string): Keyframe[];
  /** Adds keyframes (replacing one at the same seq), in one transaction. */
  putKeyframes(sessionId: string, frames: readonly Keyframe[]): void;

  /** Events with fromTime <= time <= toTime, by id. */
  events(sessionId: string, window?: { fromTime?: number; toTime?: number }): EventRow[];

  /** Adds or replaces the snapshot of that name. */
  putSnapshot(sessionId: string, snapshot: SnapshotRow): void;
  /** By seq, then name. */
  snapshots(sessionId: string): SnapshotRow[];
  deleteSnapshot(sessionId: string, name: string): boolean;

  /** Writes a whole session in one transaction; HistoryError('conflict') if its id is taken. */
  importSession(archive: SessionArchive): void;

  close(): void;
}
