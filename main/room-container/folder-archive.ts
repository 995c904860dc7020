// The open folder as a tar for the room container's "synced" storage: host to container only.
// Not a bind mount: with the host's folder mounted, anything running in the room's container
// (a guest's command in a shared terminal) could write the host's .git hooks or config, which
// run on the host. Hidden folders, node_modules and symbolic links stay behind, as for peers.
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { readFileNoFollow } from '../rooms/room-disk';
import { tarFiles } from '../sandbox/tar';

const SKIPPED_FOLDERS = new Set(['node_modules', '__pycache__']);
export const MAX_SYNC_FILES = 20_000;

/** Whether a workspace path is one that synced storage carries: no hidden or skipped folder on its way. */
export function isSyncedPath(relative: string): boolean {
  const segments = relative.split('/');
  return segments.every((segment) => !segment.startsWith('.') && !SKIPPED_FOLDERS.has(segment));
}

/** The folder's files (or those under `under`, a workspace path), as synced storage carries them. */
export async function folderFiles(root: string, maxBytes: number, under = ''): Promise<{ path: string; content: Buffer }[]> {
  const files: { path: string; content: Buffer }[] = [];
  let bytes = 0;
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(root, relative), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      const stat = await lstat(path.join(root, rel));
      if (stat.isSymbolicLink()) continue;
      if (stat.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await walk(rel);
        continue;
      }
      if (!stat.isFile()) continue;
      if (files.length >= MAX_SYNC_FILES) throw new Error(`The folder has more than ${MAX_SYNC_FILES} files: use a Docker volume or an archive instead.`);
      bytes += stat.size;
      if (bytes > maxBytes) throw new Error(`The folder's files pass the container's disk quota (${Math.round(maxBytes / 2 ** 20)} MB): raise the quota or use a volume.`);
      // Read without following a link: the entry may have been swapped for one since the lstat.
      const content = await readFileNoFollow(root, rel);
      if (content) files.push({ path: rel, content });
    }
  };
  await walk(under);
  return files;
}

export async function folderTar(root: string, maxBytes: number): Promise<{ tar: Buffer; files: number }> {
  const files = await folderFiles(root, maxBytes);
  return { tar: await tarFiles(files), files: files.length };
}
