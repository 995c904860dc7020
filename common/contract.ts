import { z } from 'zod';
import { ErrorCode } from './errors';
import { MAX_FILE_BYTES } from './file-limits';
import { event, method } from './rpc';
import { historyContract } from './contract-history';
import { identityContract } from './contract-identity';
import { interviewContract } from './contract-interview';
import { membershipContract } from './contract-membership';
import { RendererLogRecordSchema, type RecentLog } from './log';
import { roomContract } from './contract-room';
import { RoomContainerScopeSchema, roomContainerContract } from './contract-room-container';
import { guestRunsContract } from './contract-guest-runs';
import { WorkspacePathSchema } from './paths';
import { SearchRequestSchema, type SearchResult } from './search';
import { checkRunLimits, LanguageIdSchema, MAX_FILES, MAX_STDIN_BYTES, RunFileSchema, RunIdSchema, RunLimitsSchema, type RunEvent } from './sandbox';
import type {
  AppInfo,
  FileChange,
  FileContent,
  FileTree,
  ImageBuildProgress,
  Notice,
  SandboxStatus,
  StoredRun,
  RecentWorkspace,
  Settings,
  TerminalInfo,
  TerminalProfile,
  WorkspaceInfo,
} from './types';

// The host API, declared once. main implements it (main/host/services.ts), the Electron preload
// and the browser host's WebSocket carry it, and the renderer calls it through renderer/host.ts.

// Declared with the sandbox's caps so that a file the editor saves can also run (issue 12).
export { MAX_FILE_BYTES };

const Empty = z.object({}).strict().optional();

const HostFolderSchema = z
  .string()
  .min(1, 'Give a folder path.')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'The folder path contains a NUL character.');

const TerminalIdSchema = z.string().regex(/^t[0-9]{1,9}$/, 'Unknown terminal id.');
const TerminalSizeSchema = {
  cols: z.number().int().min(2).max(1000),
  rows: z.number().int().min(1).max(500),
};
/** A profile's shell: an absolute, normalised path (main also checks it is listed in /etc/shells). */
const ShellPathSchema = z
  .string()
  .min(2)
  .max(1024)
  .regex(/^\/[^\0]*$/, 'A shell is an absolute path.')
  .refine((p) => !p.split('/').includes('..') && !p.includes('//'), 'A shell path may not contain ".." or "//".');
const TerminalTitleSchema = z.string().trim().min(1, 'Give the terminal a name.').max(64);

/** Every setting and its allowed values; main parses stored rows with it too. */
export const SettingsSchema = z
  .object({
    theme: z.enum(['dark', 'light']),
    fontSize: z.number().int().min(8).max(40),
    terminalFontSize: z.number().int().min(8).max(40),
    terminalGpuAcceleration: z.enum(['auto', 'on', 'off']),
    shell: z.string().max(1024),
    allowUnsandboxed: z.boolean(),
    checkForUpdates: z.boolean(),
    tabSize: z.number().int().min(1).max(16),
    insertSpaces: z.boolean(),
    wordWrap: z.enum(['off', 'on']),
    autoSave: z.enum(['off', 'afterDelay', 'onFocusChange']),
    autoSaveDelayMs: z.number().int().min(100).max(60_000),
    // Shown to peers inside a CSS label and a chat line: printable, short (renderer/collab/presence.ts).
    // eslint-disable-next-line no-control-regex
    displayName: z.string().max(40).regex(/^[^\u0000-\u001f\u007f"'\\<>]*$/, 'Names cannot hold quotes, angle brackets or control characters.'),
    userColor: z.string().regex(/^(#[0-9a-fA-F]{6})?$/, 'A colour is #rrggbb.'),
    roomMaxFiles: z.number().int().min(1).max(100_000),
    roomMaxMegabytes: z.number().int().min(1).max(10_240),
    roomSignalLan: z.boolean(),
    guestRunsAllowed: z.boolean(),
    runInRoomContainer: z.boolean(),
    guestRunsPerMinute: z.number().int().min(1).max(120),
    guestRunsInFlight: z.number().int().min(1).max(8),
  })
  .strict();

const SettingsPatchSchema = SettingsSchema.partial().strict();

export const contract = {
  app: {
    getInfo: method<AppInfo>()(Empty),
    /** Things the user must be told once, such as a database that was found corrupt and replaced. */
    getNotices: method<Notice[]>()(Empty),
    /** A room invite the OS handed to the app (a codecrafter:// link) before the page listened. */
    takePendingInvite: method<{ link: string | null }>()(Empty),
    /** The OS handed the running app a room invite: take it with takePendingInvite. */
    onDidReceiveInvite: event<Record<string, never>>(),
    /** A renderer warning or error for the user's log file (rate-limited per connection). */
    log: method<{ accepted: boolean }>()(RendererLogRecordSchema),
    /** "Show logs": the recent log text and the log folder. */
    readLog: method<RecentLog>()(Empty),
    /** Opens the log folder in the OS file manager (Electron); the browser host answers `unsupported`. */
    openLogFolder: method<void>()(Empty, { errors: [ErrorCode.Unsupported] }),
  },
  workspace: {
    open: method<WorkspaceInfo>()(z.object({ path: HostFolderSchema }).strict(), { errors: [ErrorCode.NotFound, ErrorCode.PermissionDenied, ErrorCode.Unavailable] }),
    current: method<WorkspaceInfo | null>()(Empty),
    close: method<void>()(Empty),
    listFiles: method<FileTree>()(Empty, { errors: [ErrorCode.NoWorkspace, ErrorCode.NotFound, ErrorCode.PermissionDenied, ErrorCode.Unavailable] }),
    readFile: method<FileContent>()(z.object({ path: WorkspacePathSchema }).strict(), { errors: [ErrorCode.NoWorkspace, ErrorCode.NotFound, ErrorCode.PermissionDenied, ErrorCode.Unsupported, ErrorCode.Unavailable] }),
    writeFile: method<{ mtimeMs: number }>()(
      z.object({ path: WorkspacePathSchema, content: z.string().max(MAX_FILE_BYTES) }).strict(),
      { errors: [ErrorCode.NoWorkspace, ErrorCode.NotFound, ErrorCode.PermissionDenied, ErrorCode.Unavailable] },
    ),
    createFile: method<void>()(
      z.object({ path: WorkspacePathSchema, content: z.string().max(MAX_FILE_BYTES).optional() }).strict(),
      { errors: [ErrorCode.NoWorkspace, ErrorCode.NotFound, ErrorCode.AlreadyExists, ErrorCode.PermissionDenied, ErrorCode.Unavailable] },
    ),
    createFolder: method<void>()(z.object({ path: WorkspacePathSchema }).strict(), { errors: [ErrorCode.NoWorkspace, ErrorCode.NotFound, ErrorCode.AlreadyExists, ErrorCode.PermissionDenied, ErrorCode.Unavailable] }),
    rename: method<void>()(z.object({ from: WorkspacePathSchema, to: WorkspacePathSchema }).strict(), { errors: [ErrorCode.NoWorkspace, ErrorCode.NotFound, ErrorCode.AlreadyExists, ErrorCode.PermissionDenied, ErrorCode.Unavailable] }),
    delete: method<void>()(z.object({ path: WorkspacePathSchema }).strict(), { errors: [ErrorCode.NoWorkspace, ErrorCode.NotFound, ErrorCode.PermissionDenied, ErrorCode.Unavailable] }),
    /** Text search across the open folder's files (Ctrl+Shift+F), bounded in results, files and time. */
    search: method<SearchResult>()(SearchRequestSchema, { errors: [ErrorCode.NoWorkspace] }),
    onDidChangeFiles: event<{ changes: FileChange[] }>(),
  },
  recent: {
    list: method<RecentWorkspace[]>()(Empty),
    remove: method<void>()(z.object({ path: HostFolderSchema }).strict()),
  },
  settings: {
    get: method<Settings>()(Empty),
    update: method<Settings>()(SettingsPatchSchema),
    onDidChange: event<Settings>(),
  },
  terminal: {
    /** The shells on this machine (from /etc/shells) that a terminal can be opened with. */
    profiles: method<TerminalProfile[]>()(Empty),
    create: method<TerminalInfo>()(z.object({ ...TerminalSizeSchema, shell: ShellPathSchema.optional() }).strict(), { errors: [ErrorCode.NotFound, ErrorCode.Unavailable] }),
    list: method<TerminalInfo[]>()(Empty),
    rename: method<TerminalInfo>()(z.object({ id: TerminalIdSchema, title: TerminalTitleSchema }).strict(), { errors: [ErrorCode.NotFound] }),
    write: method<void>()(z.object({ id: TerminalIdSchema, data: z.string().max(1024 * 1024) }).strict(), { errors: [ErrorCode.NotFound, ErrorCode.Unavailable] }),
    resize: method<void>()(z.object({ id: TerminalIdSchema, ...TerminalSizeSchema }).strict(), { errors: [ErrorCode.NotFound, ErrorCode.Unavailable] }),
    /** Flow control: the renderer acknowledges characters it has drawn, so a flood pauses the pty. */
    ack: method<void>()(z.object({ id: TerminalIdSchema, chars: z.number().int().positive().max(1e9) }).strict(), { errors: [ErrorCode.NotFound, ErrorCode.Unavailable] }),
    kill: method<void>()(z.object({ id: TerminalIdSchema }).strict(), { errors: [ErrorCode.NotFound, ErrorCode.Unavailable] }),
    onDidData: event<{ id: string; data: string }>(),
    onDidExit: event<{ id: string; exitCode: number; signal?: number }>(),
    /** Starts the terminal process again after it died (onDidHostExit); old terminals stay closed. */
    restartHost: method<void>()(Empty, { errors: [ErrorCode.Unavailable] }),
    /** The terminal process died: every terminal is closed; `message` says so and what to do. */
    onDidHostExit: event<{ message: string }>(),
  },
  sandbox: {
    status: method<SandboxStatus>()(Empty),
    /** Builds the missing images; progress arrives as onDidBuildProgress events. */
    buildImages: method<void>()(Empty, { errors: [ErrorCode.Unavailable] }),
    /**
     * Runs the open workspace: main reads its files from disk, and `openFiles` (the editor's
     * unsaved text) replaces theirs. Output and the verdict arrive as onDidRunEvent events.
     */
    run: method<{ runId: string }>()(
      z
        .object({
          language: LanguageIdSchema,
          entry: WorkspacePathSchema,
          stdin: z.string().max(MAX_STDIN_BYTES).optional(),
          limits: RunLimitsSchema.optional(),
          unsandboxed: z.boolean().optional(),
          openFiles: z.array(RunFileSchema).max(MAX_FILES).optional(),
          /**
           * Run in this scope's room container (the hosted room's, else the open folder's) when
           * it has one: what the room installed is there. Without one, a fresh sandbox as usual.
           */
          roomContainer: RoomContainerScopeSchema.optional(),
        })
        .strict()
        .superRefine(checkRunLimits),
      { errors: [ErrorCode.NoWorkspace, ErrorCode.NotFound, ErrorCode.PermissionDenied, ErrorCode.Unavailable] },
    ),
    cancel: method<{ cancelled: boolean }>()(z.object({ runId: RunIdSchema }).strict()),
    /** The open workspace's execution history, newest first. */
    history: method<StoredRun[]>()(z.object({ limit: z.number().int().min(1).max(500).optional() }).strict().optional()),
    onDidRunEvent: event<RunEvent>(),
    onDidBuildProgress: event<ImageBuildProgress>(),
  },
  history: historyContract,
  room: roomContract,
  roomContainer: roomContainerContract,
  guestRuns: guestRunsContract,
  identity: identityContract,
  interview: interviewContract,
  membership: membershipContract,
  dialog: {
    /** A native folder picker where the host has one; the browser host answers `unsupported`. */
    pickFolder: method<{ path: string | null }>()(Empty, { errors: [ErrorCode.Unsupported] }),
  },
};

export type Contract = typeof contract;
