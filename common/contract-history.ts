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
// Recording: the renderer streams its workspace doc's Yjs updates (base64) in small batches; main
// applies them to a mirror doc and its SessionRecorder stores them, so main owns the durable log
// and tells the renderer, with onDidStore, which update numbers are committed to disk.

/** The author of this machine's own edits, runs and terminal output in its recordings. */
export const LOCAL_AUTHOR = 'you';

/** Updates and events the renderer sends in one push; it sends at least every 50 ms. */
export const MAX_PUSH_UPDATES = 256;
export const MAX_PUSH_EVENTS = 128;
/** One Yjs update, base64: room for a pasted file of MAX_FILE_BYTES (16 MiB) and its overhead. */
export const MAX_UPDATE_BASE64 = 24 * 1024 * 1024;
/** All the base64 of one push together: a push stays within the WebSocket frame limit (32 MiB). */
export const MAX_PUSH_BASE64 = 28 * 1024 * 1024;
/** A session file sent from the renderer to import (base64 of at most 48 MiB). */
export const MAX_IMPORT_BASE64 = 64 * 1024 * 1024;

const Base64 = z
  .string()
  .max(MAX_UPDATE_BASE64)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

export const PushedUpdateSchema = z
  .object({
    data: Base64.min(4),
    /** When the renderer's doc changed (ms since the epoch). */
    time: z.number().int().nonnegative(),
    /** Who made the change; absent for peers' updates (main names them `client:<id>`). */
    author: z.string().min(1).max(200).optional(),
  })
  .strict();

export const HistoryPushSchema = z
  .object({
    sessionId: SessionIdSchema,
    updates: z.array(PushedUpdateSchema).max(MAX_PUSH_UPDATES),
    events: z.array(HistoryEventSchema).max(MAX_PUSH_EVENTS),
  })
  .strict()
  .refine((p) => p.updates.reduce((n, u) => n + u.data.length, 0) <= MAX_PUSH_BASE64, {
    message: `a push carries at most ${MAX_PUSH_BASE64} base64 characters`,
  });

/** The live recording of the open workspace. */
export interface HistoryLive {
  sessionId: string;
  /** The whole recorded state (base64 Yjs update) to restore the doc from; '' for a new session. */
  state: string;
  /** Main's state vector (base64): the renderer sends what it has beyond it. */
  stateVector: string;
  durableSeq: number;
  resumed: boolean;
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
      .object({ roomId: z.string().regex(/^[\w-]{1,100}$/, 'not a room id').optional(), title: z.string().max(200).optional() })
      .strict()
      .optional(),
    { errors: [ErrorCode.NoWorkspace, ErrorCode.Unavailable] },
  ),
  /** Stops recording: commits what is waiting. */
  end: method<HistoryStored | null>()(Empty, { errors: [ErrorCode.Unavailable] }),
  /** `missing`: the host lacks updates these depend on (a push was lost); call begin again to resync. */
  push: method<{ lastSeq: number; missing: boolean }>()(HistoryPushSchema, { errors: [ErrorCode.NotFound, ErrorCode.Unavailable] }),
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
