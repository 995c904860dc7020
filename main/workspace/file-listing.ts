import { readdir, lstat } from 'node:fs/promises';
import path from 'node:path';
import type { FileEntry, FileTree } from '../../common/types';
import { isWorkspacePath } from '../../common/paths';
import { isProtectedFolderName } from '../../common/hidden-paths';

/** The most entries one listing returns; a larger folder is listed in part and says so. */
export const MAX_LISTED_ENTRIES = 20_000;

export function isIgnoredPath(relative: string): boolean {
  // Folders shown in the tree but never walked into (common/hidden-paths.ts): large, rarely edited
  // by hand, and never written by a room.
  return relative.split('/').some(isProtectedFolderName) && !isProtectedFolderName(relative);
}

export async function listWorkspace(root: string): Promise<FileTree> {
  const entries: FileEntry[] = [];
  let truncated = false;
  const queue: string[] = [''];
  while (queue.length > 0 && !truncated) {
    const folder = queue.shift()!;
    // A folder removed or unreadable while listing shows as empty, as a file manager would.
    const names = await readdir(path.join(root, ...folder.split('/').filter(Boolean))).catch(() => [] as string[]);
    names.sort((a, b) => a.localeCompare(b));
    for (const name of names) {
      const relative = folder ? `${folder}/${name}` : name;
      if (!isWorkspacePath(relative)) continue;
      // An entry gone between readdir and lstat is simply not listed.
      const stats = await lstat(path.join(root, ...relative.split('/'))).catch(() => undefined);
      if (!stats || (!stats.isFile() && !stats.isDirectory())) continue;
      if (entries.length >= MAX_LISTED_ENTRIES) {
        truncated = true;
        break;
      }
      const kind = stats.isDirectory() ? 'directory' : 'file';
      entries.push({ path: relative, kind, size: stats.size, mtimeMs: Math.floor(stats.mtimeMs) });
      if (kind === 'directory' && !isProtectedFolderName(name)) queue.push(relative);
    }
  }
  entries.sort((a, b) => a.path.localeCompare(b.path));
  return { entries, truncated };
}
