import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { isMainThread, threadId } from 'node:worker_threads';
import pino, { type Level, type Logger } from 'pino';
import pinoRoll from 'pino-roll';

// The log service (issue 12): one pino logger for the Node side. Until a data folder is known
// (the CLI, early start-up) records at warn and above go to stderr; once `openLogFile` is called
// they also go, at the configured level, to <data dir>/logs/codecrafter.N.log, rotated by size
// and kept owner-only (the log can name files and commands of the user's workspace).
// A worker thread does not write anywhere itself: `forwardLogsTo` hands each record to main, which
// writes it with `writeForwardedLog` where its own go, so one writer owns the file and its rotation.

export type LogLevel = Level;

/** One log file grows to this size before the next one starts. */
export const LOG_FILE_BYTES = 5 * 1024 * 1024;
/** Rotated files kept besides the current one. */
export const LOG_FILES_KEPT = 4;
const LOG_BASENAME = 'codecrafter';
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

function levelFromEnv(): LogLevel {
  const value = process.env.CODECRAFTER_LOG_LEVEL;
  return (LEVELS as readonly string[]).includes(value ?? '') ? (value as LogLevel) : 'info';
}

const streams = pino.multistream([{ level: 'warn', stream: process.stderr }]);
// (`lastId` is a real field of multistream that its type declarations leave out.)
const STDERR_STREAM_ID = (streams as unknown as { lastId: number }).lastId;

/** The root logger. Components take a child: `rootLogger.child({ component: 'sandbox' })`. */
export const rootLogger: Logger = pino(
  {
    level: levelFromEnv(),
    // Records from a worker thread say which (main writes them, with the same pid).
    base: isMainThread ? { pid: process.pid } : { pid: process.pid, threadId },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Error objects under `err` keep their message, code and stack.
    serializers: { err: pino.stdSerializers.err },
  },
  streams,
);

/** A logger for one component of the app; every record carries `component`. */
export function getLogger(component: string): Logger {
  return rootLogger.child({ component });
}

/** One record of another thread: its numeric level and its line as pino wrote it (newline included). */
export interface ForwardedLogRecord {
  level: number;
  line: string;
}

/**
 * In a worker thread: from now on every record at the configured level goes to `send` (to be
 * posted to main) and none to this thread's stderr, which main's own destinations include.
 */
export function forwardLogsTo(send: (record: ForwardedLogRecord) => void): void {
  streams.remove(STDERR_STREAM_ID);
  // pino's metadata protocol (Symbol.for('pino.metadata')): before each write, the level of the
  // record is set on the stream, so the line need not be parsed to learn it.
  const relay = {
    [Symbol.for('pino.metadata')]: true,
    lastLevel: 0,
    write(line: string) {
      send({ level: this.lastLevel, line });
    },
  };
  streams.add({ level: rootLogger.level as LogLevel, stream: relay });
}

/** In main: writes a record forwarded by a worker to main's destinations (stderr, the log file) by its level. */
export function writeForwardedLog(record: ForwardedLogRecord): void {
  // The same protocol as pino's own writes: the level first, then the line.
  const target = streams as unknown as { lastLevel: number; write(line: string): void };
  target.lastLevel = record.level;
  target.write(record.line.endsWith('\n') ? record.line : `${record.line}\n`);
}

interface OpenFile {
  dir: string;
  stream: Awaited<ReturnType<typeof pinoRoll>>;
  id: number;
}
let openFile: OpenFile | null = null;

/**
 * Starts writing the log to <dataDir>/logs (0700; files 0600). Calling it again for the same
 * folder does nothing; for another folder, the previous file is closed first.
 */
export async function openLogFile(dataDir: string, fileBytes = LOG_FILE_BYTES): Promise<string> {
  const dir = path.join(dataDir, 'logs');
  if (openFile?.dir === dir) return dir;
  closeLogFile();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const stream = await pinoRoll({
    file: path.join(dir, LOG_BASENAME),
    extension: '.log',
    size: `${Math.ceil(fileBytes / 1024)}k`,
    limit: { count: LOG_FILES_KEPT, removeOtherLogFiles: true },
    mkdir: true,
    mode: 0o600,
    // Written as logged: "Show logs" and a failed request's report read the file right after the
    // record, and what was logged before a crash is on the disk. (Async, a write still on its way
    // is not there yet, and flushSync cannot wait for it.) The log is a few records a second.
    sync: true,
  });
  // SonicBoom opens its file asynchronously; flushing before that throws.
  // (`fd` and multistream's `lastId` are real fields their type declarations leave out.)
  if ((stream as unknown as { fd: number }).fd < 0) await once(stream, 'ready');
  streams.add({ level: rootLogger.level as LogLevel, stream });
  const id = (streams as unknown as { lastId: number }).lastId;
  openFile = { dir, stream, id };
  return dir;
}

export function closeLogFile(): void {
  if (!openFile) return;
  streams.remove(openFile.id);
  openFile.stream.flushSync();
  openFile.stream.end();
  openFile = null;
}

/** Writes what is buffered to the file now (before reading it back, or on exit). */
export function flushLogs(): void {
  openFile?.stream.flushSync();
}

/** The log files of a folder, oldest first (codecrafter.1.log, codecrafter.2.log, …). */
export function listLogFiles(dataDir: string): string[] {
  const dir = path.join(dataDir, 'logs');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // no log folder yet: nothing was logged to a file
  }
  const numbered = names
    .map((name) => ({ name, n: Number(new RegExp(`^${LOG_BASENAME}\\.(\\d+)\\.log$`).exec(name)?.[1]) }))
    .filter((f) => Number.isInteger(f.n));
  return numbered.sort((a, b) => a.n - b.n).map((f) => path.join(dir, f.name));
}

/** The last `maxBytes` of the log (across rotated files), for "Show logs". */
export function readRecentLog(dataDir: string, maxBytes = 256 * 1024): { text: string; files: string[] } {
  flushLogs();
  const files = listLogFiles(dataDir);
  const parts: string[] = [];
  let budget = maxBytes;
  for (const file of [...files].reverse()) {
    if (budget <= 0) break;
    const size = statSync(file).size;
    const text = readFileSync(file, 'utf8');
    const take = Math.min(size, budget);
    parts.unshift(text.slice(text.length - take));
    budget -= take;
  }
  const text = parts.join('');
  // Start at a whole record when the budget cut one.
  const firstNewline = text.length >= maxBytes ? text.indexOf('\n') : -1;
  return { text: firstNewline >= 0 ? text.slice(firstNewline + 1) : text, files };
}
