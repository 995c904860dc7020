import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { ErrorCode, HostError } from '../../common/errors';
import { workspacePathProblem } from '../../common/paths';
import { fsError } from './fs-errors';

/**
 * Resolves a workspace-relative path to an absolute one inside `root`, refusing anything that
 * leaves it, including through a symbolic link somewhere along the way. The path was already
 * checked by the contract's schema; it is checked again here because services are also called
 * from main itself.
 */
export async function resolveInside(root: string, relative: string): Promise<string> {
  const problem = workspacePathProblem(relative);
  if (problem) throw new HostError(ErrorCode.InvalidArgument, `Invalid workspace path "${relative}": ${problem}`);
  const absolute = path.join(root, ...relative.split('/'));
  // The deepest part that exists decides where the path really goes.
  let existing = absolute;
  for (;;) {
    try {
      const real = await realpath(existing);
      if (real !== root && !real.startsWith(root + path.sep)) {
        throw new HostError(ErrorCode.PermissionDenied, `"${relative}" leads outside the workspace (through a link).`);
      }
      return absolute;
    } catch (error) {
      if (error instanceof HostError) throw error;
      // ENOTDIR (a file where a folder should be) or EACCES: the user's to fix, said as such.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fsError(error, `"${relative}"`);
      const parent = path.dirname(existing);
      if (parent === existing) return absolute;
      existing = parent;
    }
  }
}

/** The workspace-relative POSIX form of an absolute path under root, or null when outside. */
export function toWorkspacePath(root: string, absolute: string): string | null {
  const relative = path.relative(root, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative.split(path.sep).join('/');
}
