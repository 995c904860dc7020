import { z } from 'zod';
import { ErrorCode } from './errors';
import {
  HistoryEventKindSchema,
  HistoryEventSchema,
  ReplayPointSchema,
  SessionIdSchema,
  SnapshotNameSchema,
  type FileDiff,
  type FilesAt,
  type HistoryEvent,
  type SessionInfo,
  type Timeline,
} from './history';
import { event, method, type ServiceSpec } from './rpc';

// The history service of the host contract (issue 5): recording the workspace doc, replay,
// snapshots, export/import. Declared here and merged into common/contract.ts.
//
// Recording: the renderer and main's recorder sync the workspace doc with y-protocols' sync
// messages (common/history-sync.ts), each carried as one base64 string: JSON over the browser
// host's WebSocket carries no bytes. `begin` takes the window's SyncStep1 and answers with a
// SyncStep2 (what the window lacks) and the recorder's SyncStep1; the window's answer to that,
// and then its edits as Update messages, go in `push` batches. A sync message has no room for who
// made a change and when, so each pushed one travels in a thin envelope with its author and time.
// main applies them to a mirror doc and its SessionRecorder stores them, so main owns the durable
// log and tells the renderer, with onDidStore, which update numbers are committed to disk.

/** The author of this machine's own edits, runs and terminal output in its recordings. */
export const LOCAL_AUTHOR = 'you';

/** Sync messages and events the renderer sends in one push; it sends at least every 50 ms. */
export const MAX_PUSH_MESSAGES = 256;
export const MAX_PUSH_EVENTS = 128;
/** One sync message, base64: room for a pasted file of MAX_FILE_BYTES (16 MiB) and its overhead. */
export const MAX_SYNC_MESSAGE_BASE64 = 24 * 1024 * 1024;
/** All the base64 of one push together: a push stays within the WebSocket frame limit (32 MiB). */
export const MAX_PUSH_BASE64 = 28 * 1024 * 1024;
/** A session file sent from the renderer to import (base64 of at most 48 MiB). */
export const MAX_IMPORT_BASE64 = 64 * 1024 * 1024;

/** One y-protocols sync message (common/history-sync.ts), base64; the smallest, an empty SyncStep1, is 3 bytes. */
export const SyncMessageBase64Schema = z
  .string()
  .min(4)
  .max(MAX_SYNC_MESSAGE_BASE64)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

/** A sync message from the window with who made the change and when: what the recorder stores per update. */
export const PushedSyncMessageSchema = z
  .object({
    /** A SyncStep2 (the answer to the recorder's SyncStep1) or an Update; a SyncStep1 is answered in the reply. */
    data: SyncMessageBase64Schema,
    /** When the renderer's doc changed (ms since the epoch). */
    time: z.number().int().nonnegative(),
    /** Who made the change; absent for peers' updates (main names them `client:<id>`). */
    author: z.string().min(1).max(200).optional(),
  })
  .strict();

export const HistoryPushSchema = z
  .object({
    sessionId: SessionIdSchema,
    messages: z.array(PushedSyncMessageSchema).max(MAX_PUSH_MESSAGES),
    events: z.array(HistoryEventSchema).max(MAX_PUSH_EVENTS),
  })
  .strict()
  .refine((p) => p.messages.reduce((n, m) => n + m.data.length, 0) <= MAX_PUSH_BASE64, {
    message: `a push carries at most ${MAX_PUSH_BASE64} base64 characters`,
  });

/** The live recording of the open workspace. */
export interface HistoryLive {
  sessionId: string;
  /**
   * The recorder's answer to the window's SyncStep1, base64: a SyncStep2 with what the window
   * lacks (the whole log for an empty doc), then the recorder's SyncStep1, which the window
   * answers with a SyncStep2 in its next push.
   */
  sync: string[];
  durableSeq: number;
  resumed: boolean;
}

/** What a push stored, and the sync messages (base64) the window is to answer in its next push. */
export interface HistoryPushed {
  /** The number of the last update recorded: the "pushed" sequence of the recording badge. */
  lastSeq: number;
  /**
   * A SyncStep1 when the recorder lacks updates the pushed ones depend on (a push was lost),
   * asked once per gap; a SyncStep2 for each SyncStep1 pushed. Usually empty.
   */
  sync: string[];
}

export interface HistoryStored {
  sessionId: string;
  durableSeq: number;
}

export interface StoredHistoryEvent {
  seq: number;
  time: number;
  event: HistoryEvent;
}

export interface HistoryRetention {
  /** Sessions with no activity for this many days are deleted; null keeps them forever. */
  days: number | null;
}

const Empty = z.object({}).strict().optional();
const Session = z.object({ sessionId: SessionIdSchema }).strict();
const At = z.object({ sessionId: SessionIdSchema, at: ReplayPointSchema }).strict();
const HostFolder = z
  .string()
  .min(1, 'Give a folder path.')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'The folder path contains a NUL character.');

export const historyContract = {
  /**
   * Starts (or continues) recording the open folder; see HistoryLive. A guest of a room has no
   * folder: its recording is keyed by the room, so it can be reopened or forked offline.
   */
  begin: method<HistoryLive>()(
    z
      .object({
        roomId: z.string().regex(/^[\w-]{1,100}$/, 'not a room id').optional(),
        title: z.string().max(200).optional(),
        /** The window's SyncStep1 (its doc's state vector). */
        syncStep1: SyncMessageBase64Schema,
      })
      .strict(),
    { errors: [ErrorCode.NoWorkspace, ErrorCode.Unavailable] },
  ),
  /** Stops recording: commits what is waiting. */
  end: method<HistoryStored | null>()(Empty, { errors: [ErrorCode.Unavailable] }),
  /** Records sync messages and events of the live recording; see HistoryPushed. */
  push: method<HistoryPushed>()(HistoryPushSchema, { errors: [ErrorCode.NotFound, ErrorCode.Unavailable] }),
  /** Commits now; resolves with the durable update number. */
  flush: method<HistoryStored | null>()(Empty, { errors: [ErrorCode.Unavailable] }),
  onDidStore: event<HistoryStored>(),

  listSessions: method<SessionInfo[]>()(z.object({ allWorkspaces: z.boolean().optional() }).strict().optional(), { errors: [ErrorCode.Unavailable] }),
  timeline: method<Timeline>()(Session, { errors: [ErrorCode.NotFound, ErrorCode.Unavailable] }),
  filesAt: method<FilesAt>()(At, { errors: [ErrorCode.NotFound, ErrorCode.Unavailable] }),
  diff: method<FileDiff[]>()(z.object({ sessionId: SessionIdSchema, from: ReplayPointSchema, to: ReplayPointSchema }).strict(), { errors: [ErrorCode.NotFound, ErrorCode.Unavailable] }),
  events: method<StoredHistoryEvent[]>()(
    z
      .object({
        sessionId: SessionIdSchema,
        kinds: z.array(HistoryEventKindSchema).max(HistoryEventKindSchema.options.length),
      })
      .strict(),
    { errors: [ErrorCode.NotFound, ErrorCode.Unavailable] },
  ),
  asciicast: method<string>()(z.object({ sessionId: SessionIdSchema, terminalId: z.string().min(1).max(100) }).strict(), { errors: [ErrorCode.NotFound, ErrorCode.Unavailable] }),
  createSnapshot: method<{ name: string; seq: number; time: number }>()(
    z.object({ sessionId: SessionIdSchema, name: SnapshotNameSchema, at: ReplayPointSchema }).strict(),
    { errors: [ErrorCode.NotFound, ErrorCode.AlreadyExists, ErrorCode.Unavailable] },
  ),
  listSnapshots: method<Array<{ name: string; seq: number; createdAt: number }>>()(Session, { errors: [ErrorCode.NotFound, ErrorCode.Unavailable] }),
  /** Writes the files at `at` into a new empty folder and starts that folder's history as a fork. */
  fork: method<{ sessionId: string; folder: string; files: number }>()(
    z.object({ sessionId: SessionIdSchema, at: ReplayPointSchema, folder: HostFolder }).strict(),
    { errors: [ErrorCode.NotFound, ErrorCode.AlreadyExists, ErrorCode.PermissionDenied, ErrorCode.Unavailable] },
  ),
  /** Writes `<data dir>/exports/<session>.ccsession` and returns it (base64) for a download too. */
  exportSession: method<{ path: string; name: string; bytes: number; sha256: string; data: string }>()(Session, { errors: [ErrorCode.NotFound, ErrorCode.PermissionDenied, ErrorCode.Unavailable] }),
  importSession: method<SessionInfo>()(
    z
      .object({
        name: z.string().min(1).max(255),
        data: z.string().max(MAX_IMPORT_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
      })
      .strict(),
    { errors: [ErrorCode.AlreadyExists, ErrorCode.Unavailable] },
  ),
  deleteSession: method<boolean>()(Session, { errors: [ErrorCode.NotFound, ErrorCode.PermissionDenied, ErrorCode.Unavailable] }),
  getRetention: method<HistoryRetention>()(Empty, { errors: [ErrorCode.Unavailable] }),
  setRetention: method<HistoryRetention & { pruned: number }>()(
    z.object({ days: z.number().int().min(1).max(36_500).nullable() }).strict(),
    { errors: [ErrorCode.Unavailable] },
  ),
} satisfies ServiceSpec;
