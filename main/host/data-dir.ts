import os from 'node:os';
import path from 'node:path';

/** Where the browser host and the CLI keep their data when no --data-dir is given. */
export function defaultDataDir(): string {
  if (process.env.CODECRAFTER_DATA_DIR) return path.resolve(process.env.CODECRAFTER_DATA_DIR);
  if (process.platform === 'win32' && process.env.APPDATA) return path.join(process.env.APPDATA, 'CodeCrafter');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'CodeCrafter');
  const config = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(config, 'codecrafter');
}
