// Shared by `codecrafter history` and `codecrafter replay`: where the database is, how a session
// and a moment are named on the command line.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ReplayPoint } from '../../common/history';
import { HistoryError } from './errors';
import { defaultDataDir, defaultHistoryDb } from './paths';
import type { HistoryStore } from './store';

export const DB_OPTIONS = {
  db: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function dbPath(values: { db?: string; 'data-dir'?: string }): string {
  if (values.db) return path.resolve(values.db);
  return defaultHistoryDb(values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir());
}

/** For commands that only read: a missing database is an error, not an empty one to create. */
export function existingDbPath(values: { db?: string; 'data-dir'?: string }): string {
  const file = dbPath(values);
  if (!existsSync(file)) throw new HistoryError('not-found', `no history database at ${file} (record or import a session first)`);
  return file;
}

/** A full session id, or an unambiguous prefix of one (as git does for commits). */
export function findSessionId(store: HistoryStore, idOrPrefix: string): string {
  const matches = store.listSessions().filter((s) => s.id.startsWith(idOrPrefix.toLowerCase()));
  if (matches.length === 1) return matches[0]!.id;
  if (!matches.length) throw new HistoryError('not-found', `no session ${idOrPrefix} (see: codecrafter history list)`);
  throw new HistoryError('invalid-input', `session prefix ${idOrPrefix} is ambiguous (${matches.length} sessions)`);
}

const DURATION = /^\+(\d+(?:\.\d+)?)(ms|s|m|h)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `--at`: a seq number, `end`, an ISO time, `+90s` after the session start, or `snapshot:<name>`. */
export function parsePoint(text: string, sessionStart: number): ReplayPoint {
  if (/^\d+$/.test(text)) return { seq: Number(text) };
  if (text === 'end') return 'end';
  if (text.startsWith('snapshot:')) return { snapshot: text.slice('snapshot:'.length) };
  const d = DURATION.exec(text);
  if (d) return { time: Math.floor(sessionStart + Number(d[1]) * UNIT_MS[d[2]!]!) };
  const t = Date.parse(text);
  if (Number.isFinite(t) && /\d{4}-\d{2}-\d{2}/.test(text)) return { time: t };
  throw new HistoryError(
    'invalid-input',
    `--at ${JSON.stringify(text)}: give an update number, 'end', an ISO time, +<n>(ms|s|m|h) or snapshot:<name>`,
  );
}

export function reportError(error: unknown, prefix: string): number {
  if (error instanceof HistoryError) {
    process.stderr.write(`${prefix}: ${error.message} [${error.code}]\n`);
    return error.code === 'invalid-input' ? 2 : 1;
  }
  throw error;
}
