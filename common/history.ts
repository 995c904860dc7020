// History and replay (DESIGN.md section 6, issue 5): the shapes that cross a boundary — events a
// renderer asks main to record, replay queries, the editing-trace input format and the header
// of an exported session file. main/history validates with these; the UI gets the types.
import { z } from 'zod';
import { ChatIdSchema, ChatTextSchema } from './chat';
import { TEST_VERDICTS } from './problem';
import { VerdictSchema } from './sandbox';

/**
 * Workspace-relative POSIX path: no leading '/', no '..' or '.' segment, no backslash, no NUL.
 * Own check until common/paths.ts (WorkspacePathSchema) exists; swap it in then.
 */
export const HistoryFilePathSchema = z
  .string()
  .min(1)
  .max(1024)
  .refine(
    (p) =>
      !p.startsWith('/') &&
      !p.includes('\\') &&
      !p.includes('\0') &&
      !/^[A-Za-z]:/.test(p) &&
      p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..'),
    { message: 'must be a relative POSIX path without empty, "." or ".." segments' },
  );

export const SessionIdSchema = z.string().regex(/^[0-9a-f-]{8,64}$/i, 'not a session id');
export const SessionKindSchema = z.enum(['solo', 'room', 'interview', 'import', 'fork']);
export type SessionKind = z.infer<typeof SessionKindSchema>;

/** Who did it: a participant id or `client:<yjs client id>`; short and printable. */
export const AuthorSchema = z.string().min(1).max(200);

export const StartSessionSchema = z.object({
  workspaceId: z.string().min(1).max(200),
  kind: SessionKindSchema,
  title: z.string().max(500).optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
  /** Session start (ms since the epoch); default now. Imports pass the recording's own start. */
  startedAt: z.number().int().nonnegative().optional(),
});
export type StartSessionOptions = z.infer<typeof StartSessionSchema>;

export const RecordUpdateMetaSchema = z.object({
  author: AuthorSchema.optional(),
  file: HistoryFilePathSchema.nullable().optional(),
  origin: z.string().max(200).optional(),
  /** Milliseconds since the epoch; default now. Clamped so time never goes back within a session. */
  time: z.number().int().nonnegative().optional(),
});
export type RecordUpdateMeta = z.infer<typeof RecordUpdateMetaSchema>;

const Position = z.object({ line: z.number().int().nonnegative(), column: z.number().int().nonnegative() });
const TerminalId = z.string().min(1).max(100);

/** Everything but Yjs updates. Kinds are wire names: never rename one, add a new kind instead. */
export const HistoryEventSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('awareness'),
    author: AuthorSchema,
    file: HistoryFilePathSchema.nullable(),
    cursor: Position.nullable(),
    selection: z.object({ anchor: Position, head: Position }).nullable().optional(),
    name: z.string().max(200).optional(),
    color: z.string().max(50).optional(),
  }),
  z.object({
    kind: z.literal('run-start'),
    author: AuthorSchema,
    runId: z.string().min(1).max(100),
    entry: HistoryFilePathSchema.optional(),
    language: z.string().max(50).optional(),
  }),
  z.object({
    kind: z.literal('run-end'),
    author: AuthorSchema,
    runId: z.string().min(1).max(100),
    verdict: VerdictSchema,
    exitCode: z.number().int().nullable().optional(),
    wallMs: z.number().nonnegative().optional(),
    cpuMs: z.number().nonnegative().optional(),
    memoryBytes: z.number().nonnegative().optional(),
  }),
  z.object({
    kind: z.literal('chat'),
    author: AuthorSchema,
    messageId: ChatIdSchema,
    text: ChatTextSchema,
  }),
  z.object({
    kind: z.literal('paste'),
    author: AuthorSchema,
    file: HistoryFilePathSchema,
    length: z.number().int().nonnegative(),
    offset: z.number().int().nonnegative().optional(),
  }),
  z.object({ kind: z.literal('focus'), author: AuthorSchema, state: z.enum(['lost', 'gained']) }),
  /**
   * An interview's judge run (issue 9), on the interviewer's machine: which tests, the verdict and
   * how many passed. Never a test's name, input, output or diff: hidden tests stay out of the
   * recording (and so out of an exported session).
   */
  z.object({
    kind: z.literal('judge'),
    author: AuthorSchema,
    tests: z.enum(['sample', 'secret', 'all']),
    /** The display name of who asked for it, when that was not this machine's user (a candidate's sample run). */
    requestedBy: z.string().min(1).max(200).optional(),
    entry: HistoryFilePathSchema.optional(),
    language: z.string().max(50).optional(),
    verdict: z.enum(TEST_VERDICTS).exclude(['skipped']),
    passed: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    score: z.number().nullable().optional(),
    maxScore: z.number().nullable().optional(),
    wallMs: z.number().nonnegative().optional(),
  }),
  z.object({
    kind: z.literal('terminal-open'),
    terminalId: TerminalId,
    width: z.number().int().positive().max(10_000),
    height: z.number().int().positive().max(10_000),
    title: z.string().max(200).optional(),
  }),
  z.object({
    kind: z.literal('terminal-data'),
    terminalId: TerminalId,
    /** asciicast v2 event codes: output, input. */
    stream: z.enum(['o', 'i']),
    data: z.string().max(1_000_000),
  }),
  z.object({
    kind: z.literal('terminal-resize'),
    terminalId: TerminalId,
    width: z.number().int().positive().max(10_000),
    height: z.number().int().positive().max(10_000),
  }),
]);
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;
export type HistoryEventKind = HistoryEvent['kind'];
/** The kinds, read from the union above so a new kind needs no second list. */
export const HistoryEventKindSchema = z.enum(
  HistoryEventSchema.options.map((o) => o.shape.kind.value) as [HistoryEventKind, ...HistoryEventKind[]],
);

/** A moment in a session: after update number `seq` (0 = before any), or the last update at or before `time`. */
export const ReplayPointSchema = z.union([
  z.object({ seq: z.number().int().nonnegative() }),
  z.object({ time: z.number().int().nonnegative() }),
  z.object({ snapshot: z.string().min(1).max(200) }),
  z.literal('end'),
]);
export type ReplayPoint = z.infer<typeof ReplayPointSchema>;

export const SnapshotNameSchema = z.string().min(1).max(200);

export interface SessionInfo {
  id: string;
  workspaceId: string;
  kind: SessionKind;
  title: string | null;
  createdAt: number;
  updatedAt: number;
  endedAt: number | null;
  /** Number of updates durably stored. */
  lastSeq: number;
  parentId: string | null;
  parentSeq: number | null;
  meta: Record<string, unknown>;
}

export const SessionInfoSchema = z.object({
  id: SessionIdSchema,
  workspaceId: z.string().min(1).max(200),
  kind: SessionKindSchema,
  title: z.string().max(500).nullable(),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  endedAt: z.number().int().nonnegative().nullable(),
  lastSeq: z.number().int().nonnegative(),
  parentId: SessionIdSchema.nullable(),
  parentSeq: z.number().int().nonnegative().nullable(),
  meta: z.record(z.string(), z.unknown()),
});

export interface ResolvedPoint {
  seq: number;
  /** Time of update `seq` (session start for seq 0). */
  time: number;
}

export interface FilesAt extends ResolvedPoint {
  files: Record<string, string>;
  /** The file that update `seq` changed (null when it changed none or several): the player shows it. */
  changed?: string | null;
}

export interface FileDiff {
  path: string;
  status: 'added' | 'removed' | 'modified';
  inserted: number;
  deleted: number;
  /** fast-diff hunks: -1 deleted, 0 kept, 1 inserted. */
  hunks: Array<[-1 | 0 | 1, string]>;
}

export interface TimelineSpan {
  fromSeq: number;
  toSeq: number;
  fromTime: number;
  toTime: number;
  updates: number;
}

export interface TimelineTrack {
  author: string;
  updates: number;
  spans: TimelineSpan[];
}

export interface TimelineMarker {
  kind: 'run' | 'judge' | 'paste' | 'chat' | 'focus-lost' | 'snapshot';
  time: number;
  seq: number;
  author: string | null;
  label: string;
}

export interface Timeline {
  sessionId: string;
  startTime: number;
  endTime: number;
  lastSeq: number;
  tracks: TimelineTrack[];
  markers: TimelineMarker[];
  /** Gaps with no activity longer than the idle threshold, for idle skipping in playback. */
  idle: Array<{ fromTime: number; toTime: number }>;
}

/** First line of an exported session file; the gzip payload follows. */
export const SESSION_FILE_FORMAT = 'codecrafter-session';
export const SESSION_FILE_VERSION = 1;
export const SessionFileHeaderSchema = z.object({
  format: z.literal(SESSION_FILE_FORMAT),
  version: z.literal(SESSION_FILE_VERSION),
  length: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sessionId: SessionIdSchema,
});
export type SessionFileHeader = z.infer<typeof SessionFileHeaderSchema>;

/**
 * josephg/editing-traces: `{startContent, endContent, txns: [{time|timestamp, patches: [[pos, del, ins]]}]}`.
 * The shared data uses `time` (ISO string) although its README says `timestamp`; both are accepted.
 */
export const EditingTraceSchema = z.object({
  startContent: z.string(),
  endContent: z.string(),
  txns: z.array(
    z.object({
      time: z.union([z.string(), z.number()]).optional(),
      timestamp: z.union([z.string(), z.number()]).optional(),
      patches: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative(), z.string()])),
    }),
  ),
});
export type EditingTrace = z.infer<typeof EditingTraceSchema>;

/** Every failure main/history reports carries one of these, so the UI can say what to do next. */
export type HistoryErrorCode =
  | 'not-found'
  | 'invalid-input'
  | 'invalid-trace'
  | 'truncated-file'
  | 'corrupt-file'
  | 'unsupported-version'
  | 'conflict'
  | 'closed';
