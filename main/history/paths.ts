import os from 'node:os';
import path from 'node:path';

/** $CODECRAFTER_DATA_DIR, else ~/.config/codecrafter. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CODECRAFTER_DATA_DIR || path.join(os.homedir(), '.config', 'codecrafter');
}

export function defaultHistoryDb(dataDir: string = defaultDataDir()): string {
  return path.join(dataDir, 'history.sqlite');
}
