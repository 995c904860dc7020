import { accessSync, constants, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TerminalProfile } from '../../common/types';

/** Shells that are not interactive shells, though some systems list them in /etc/shells. */
const NOT_SHELLS = new Set(['tmux', 'screen', 'nologin', 'false', 'git-shell']);

export function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The shells on this machine, from /etc/shells: absolute paths to executable files, each binary
 * once (on merged-/usr systems /bin/bash and /usr/bin/bash are one file).
 */
export function readShellProfiles(file = '/etc/shells'): TerminalProfile[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const seen = new Set<string>();
  const profiles: TerminalProfile[] = [];
  for (const line of text.split('\n')) {
    const shell = line.trim();
    if (!shell || shell.startsWith('#') || !path.isAbsolute(shell) || shell.includes('\0') || path.normalize(shell) !== shell) continue;
    if (NOT_SHELLS.has(path.basename(shell)) || !isExecutableFile(shell)) continue;
    let real: string;
    try {
      real = realpathSync(shell);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    profiles.push({ name: path.basename(shell), shell });
  }
  return profiles;
}
