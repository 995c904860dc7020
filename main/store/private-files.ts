import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync, type Stats } from 'node:fs';
import path from 'node:path';
import { getLogger } from '../log/log-service';

const log = getLogger('store');

// The data folder holds file contents, terminal output and chat (history.sqlite), settings and
// exports: readable by its owner only (issue 11). New folders are made 0700 and new files 0600;
// what an older install left 0755/0644 is tightened at start. Only our own folder and our own
// files are touched: a --data-dir that points at someone's existing folder is not re-moded.

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** The files SQLite keeps beside a database (WAL mode, or the rollback journal). */
export const SQLITE_SIDE_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

/** Names that mark a folder as a CodeCrafter data folder. */
const OUR_MARKERS = ['codecrafter.db', 'history.sqlite'];
/** Sub-folders we create inside the data folder and whose files are ours. */
const OUR_SUBFOLDERS = ['exports'];

const lstatOrUndefined = (file: string): Stats | undefined => {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
};

/** chmod when anyone but the owner has a bit; never through a symlink. */
function tighten(file: string, stats: Stats | undefined, mode: number): void {
  if (!stats || stats.isSymbolicLink() || (stats.mode & 0o077) === 0) return;
  if (process.platform === 'win32') return; // POSIX modes mean nothing there; ACLs of the profile folder apply.
  try {
    chmodSync(file, mode);
  } catch (error) {
    // A file we do not own (EPERM): say so once; opening it still works.
    log.warn({ err: error, file }, 'could not make a file private; other users may read it');
  }
}

export function tightenFile(file: string): void {
  const stats = lstatOrUndefined(file);
  if (stats?.isFile()) tighten(file, stats, PRIVATE_FILE_MODE);
}

/** A database and the side files SQLite made for it. */
export function tightenSqliteFiles(file: string): void {
  for (const suffix of ['', ...SQLITE_SIDE_SUFFIXES]) tightenFile(file + suffix);
}

/**
 * Creates the file empty with 0600 if it does not exist, so whatever writes it next (SQLite
 * gives its -wal and -shm the mode of the database file) never makes it readable by others.
 */
export function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  tightenFile(file);
}

/** A folder of ours: made 0700 (with any missing parents), or tightened to it. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const stats = lstatOrUndefined(dir);
  if (stats?.isDirectory()) tighten(dir, stats, PRIVATE_DIR_MODE);
}

function isOurDataDir(entries: string[]): boolean {
  return entries.length === 0 || entries.some((name) => OUR_MARKERS.includes(name));
}

/**
 * Prepares the data folder at start: created 0700 if missing; when it is ours (empty, or it holds
 * our databases), the folder, its files and our sub-folders are made private.
 */
export function securePrivateDataDir(dir: string): void {
  const existed = lstatOrUndefined(dir)?.isDirectory() ?? false;
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const entries = readdirSync(dir);
  if (existed && !isOurDataDir(entries)) {
    const stats = lstatOrUndefined(dir);
    if (stats && (stats.mode & 0o077) !== 0 && process.platform !== 'win32') {
      log.warn(
        { dir },
        "the data folder already held other files, so its permissions were left as they are; CodeCrafter's own files in it are private. Prefer a folder of its own (--data-dir).",
      );
    }
    return;
  }
  ensurePrivateDir(dir);
  for (const name of entries) {
    const file = path.join(dir, name);
    const stats = lstatOrUndefined(file);
    if (stats?.isFile()) tighten(file, stats, PRIVATE_FILE_MODE);
    else if (stats?.isDirectory() && OUR_SUBFOLDERS.includes(name)) tightenTree(file);
  }
}

function tightenTree(dir: string): void {
  tighten(dir, lstatOrUndefined(dir), PRIVATE_DIR_MODE);
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    const stats = lstatOrUndefined(file);
    if (stats?.isDirectory()) tightenTree(file);
    else if (stats?.isFile()) tighten(file, stats, PRIVATE_FILE_MODE);
  }
}
