import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, realpath, rename, rm } from 'node:fs/promises';
import path from 'node:path';

// The file-system steps a room's writes are made of, none of which follows a symbolic link
// (issue 8: `writeFile` used to follow a dangling link out of the folder). Every existing parent
// is lstat'd (a link or a file there refuses the write) and the deepest one is realpath'd against
// where it should be; the last part is opened with O_NOFOLLOW, and created with O_EXCL, which
// also fails on a dangling link. What remains (a local process swapping a folder for a link
// between the check and the write) is in docs/trust.md: a remote member cannot make links.

/** A write the room may not make; the message is said to the host and to the member. */
export class RefusedWrite extends Error {}

export type EntryKind = 'file' | 'directory' | 'link' | 'other';

function absolute(root: string, relative: string): string {
  return path.join(root, ...relative.split('/'));
}

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

async function lstatOrNull(file: string) {
  try {
    return await lstat(file);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** Refuses when a parent of `relative` that exists is a link or not a folder; returns the deepest existing parent. */
async function checkParents(root: string, relative: string): Promise<string> {
  const parts = relative.split('/').slice(0, -1);
  let deepest = root;
  for (let i = 0; i < parts.length; i++) {
    const next = path.join(deepest, parts[i]!);
    const stats = await lstatOrNull(next);
    if (!stats) break;
    const shown = parts.slice(0, i + 1).join('/');
    if (stats.isSymbolicLink()) throw new RefusedWrite(`"${shown}" is a symbolic link; a room never writes through links.`);
    if (!stats.isDirectory()) throw new RefusedWrite(`"${shown}" is a file, not a folder.`);
    deepest = next;
  }
  if ((await realpath(deepest)) !== deepest) throw new RefusedWrite(`"${relative}" leads outside the shared folder.`);
  return deepest;
}

/** Makes the missing parents of `relative` one at a time, so none of them can be a link. */
async function makeParents(root: string, relative: string): Promise<void> {
  const parts = relative.split('/').slice(0, -1);
  let current = root;
  for (const part of parts) {
    current = path.join(current, part);
    await mkdir(current).catch((error: unknown) => {
      if (errnoCode(error) !== 'EEXIST') throw error;
    });
    const stats = await lstat(current);
    if (!stats.isDirectory() || stats.isSymbolicLink()) throw new RefusedWrite(`"${relative}": a part of the path is not a folder.`);
  }
}

/** What is at `relative` (without following a link), or null when nothing is. */
export async function entryKind(root: string, relative: string): Promise<{ kind: EntryKind; size: number; links: number } | null> {
  await checkParents(root, relative);
  const stats = await lstatOrNull(absolute(root, relative));
  if (!stats) return null;
  const kind: EntryKind = stats.isSymbolicLink() ? 'link' : stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other';
  return { kind, size: stats.size, links: stats.nlink };
}

/** Everything under a folder, without following links: files with their sizes, and anything else. */
export async function walkFolder(root: string, relative: string): Promise<{ files: Map<string, number>; others: string[] }> {
  const files = new Map<string, number>();
  const others: string[] = [];
  const queue = [relative];
  while (queue.length > 0) {
    const folder = queue.shift()!;
    for (const name of await readdir(absolute(root, folder))) {
      const child = `${folder}/${name}`;
      const stats = await lstat(absolute(root, child));
      if (stats.isSymbolicLink() || (!stats.isFile() && !stats.isDirectory())) others.push(child);
      else if (stats.isDirectory()) queue.push(child);
      else files.set(child, stats.size);
    }
  }
  return { files, others };
}

/** Creates a new file; fails when anything (even a dangling link) already has the name. */
export async function createFileNoFollow(root: string, relative: string, content: string): Promise<void> {
  await checkParents(root, relative);
  await makeParents(root, relative);
  const handle = await open(absolute(root, relative), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
  try {
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
}

/**
 * The bytes of a regular file at `relative`, or null when nothing (or no regular file) is there:
 * no parent may be a link, and the file itself is opened with O_NOFOLLOW and checked once open.
 */
export async function readFileNoFollow(root: string, relative: string): Promise<Buffer | null> {
  await checkParents(root, relative);
  let handle;
  try {
    handle = await open(absolute(root, relative), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    // Gone, or a link (ELOOP): neither is a file to read.
    if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ELOOP') return null;
    throw error;
  }
  try {
    if (!(await handle.stat()).isFile()) return null;
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Replaces the text of an existing regular file that has no other hard link. */
export async function writeFileNoFollow(root: string, relative: string, content: string): Promise<void> {
  const entry = await entryKind(root, relative);
  if (!entry) throw new RefusedWrite(`"${relative}" no longer exists on the host.`);
  if (entry.kind === 'link') throw new RefusedWrite(`"${relative}" is a symbolic link; a room never writes through links.`);
  if (entry.kind !== 'file') throw new RefusedWrite(`"${relative}" is not a file.`);
  // A second hard link could be a file outside the folder: writing here would change it too.
  if (entry.links > 1) throw new RefusedWrite(`"${relative}" has other hard links; a room does not write it.`);
  const handle = await open(absolute(root, relative), constants.O_WRONLY | constants.O_TRUNC | constants.O_NOFOLLOW);
  try {
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
}

/** Moves an entry to a name that does not exist yet (rename(2) never follows the moved link). */
export async function renameNoFollow(root: string, from: string, to: string): Promise<void> {
  await checkParents(root, from);
  await checkParents(root, to);
  if ((await lstatOrNull(absolute(root, to))) !== null) throw new RefusedWrite(`"${to}" already exists on the host.`);
  await makeParents(root, to);
  await rename(absolute(root, from), absolute(root, to));
}

/** Removes a file or folder; rm never follows links, and the caller has checked what is inside. */
export async function removeEntry(root: string, relative: string): Promise<void> {
  await checkParents(root, relative);
  await rm(absolute(root, relative), { recursive: true });
}
