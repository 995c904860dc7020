import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isWorkspacePath } from '../../common/paths';
import type { FileChange } from '../../common/types';
import { getLogger } from '../log/log-service';
import { tarFiles } from '../sandbox/tar';
import { folderFiles, isSyncedPath } from './folder-archive';

// "Synced" storage kept live (issue 10 item 3): what changes in the open folder (an edit saved, a
// guest's edit the host wrote, a file made or deleted by a tool) reaches the room container's
// /workspace within a moment, host to container only. Not a bind mount (folder-archive.ts says
// why); files the container makes stay in it. Hidden paths, node_modules and symbolic links stay
// behind, as in the first copy.

const log = getLogger('room-container');

/** Changes that arrive within this long (after the watcher's own debounce) go in one archive. */
const BATCH_MS = 100;

export interface SyncTarget {
  /** Running containers with synced storage of the folder `root`, and each one's quota in bytes. */
  containers(root: string): Promise<{ id: string; quotaBytes: number }[]>;
  put(id: string, tar: Buffer): Promise<void>;
  /** Removes workspace paths (validated) from the container's /workspace. */
  remove(id: string, paths: string[]): Promise<void>;
}

export class LiveSync {
  private pending = new Set<string>();
  private pendingRoot: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private disposed = false;

  constructor(
    private readonly target: SyncTarget,
    private readonly batchMs = BATCH_MS,
  ) {}

  /** Changes the watcher saw in folder `root`. */
  changed(root: string, changes: FileChange[]): void {
    if (this.disposed) return;
    // Another folder opened: what was pending belongs to the old one's container, and is dropped.
    if (this.pendingRoot !== root) this.pending.clear();
    this.pendingRoot = root;
    for (const change of changes) if (isWorkspacePath(change.path) && isSyncedPath(change.path)) this.pending.add(change.path);
    if (this.pending.size) this.timer ??= setTimeout(() => void this.flush(), this.batchMs);
  }

  /** Sends what is pending now; resolves when it (and any sync before it) is done. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const previous = this.running ?? Promise.resolve();
    const next = previous.then(() => this.send());
    this.running = next;
    void next.finally(() => {
      if (this.running === next) this.running = undefined;
    });
    return next;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.pending.clear();
  }

  private async send(): Promise<void> {
    const root = this.pendingRoot;
    const paths = [...this.pending].sort();
    this.pending.clear();
    if (!root || paths.length === 0 || this.disposed) return;
    let containers: { id: string; quotaBytes: number }[];
    try {
      containers = await this.target.containers(root);
    } catch (error) {
      log.warn({ err: error, root, paths: paths.length }, 'could not find the room containers to sync changed files into');
      return;
    }
    if (containers.length === 0) return;

    // Each path as it is now: a file or folder to put, or gone.
    const gone: string[] = [];
    const present: string[] = [];
    for (const relative of paths) {
      const stats = await lstat(path.join(root, ...relative.split('/'))).catch(() => undefined);
      if (!stats) gone.push(relative);
      else if (stats.isFile() || stats.isDirectory()) present.push(relative);
      // A symbolic link (or a socket, a fifo) is not carried, as in the first copy.
    }
    for (const { id, quotaBytes } of containers) {
      try {
        if (gone.length) await this.target.remove(id, gone);
        if (present.length) {
          const files = await this.read(root, present, quotaBytes);
          if (files.length) await this.target.put(id, await tarFiles(files));
        }
      } catch (error) {
        log.warn({ err: error, root, containerId: id, changed: present.length, deleted: gone.length }, 'could not sync changed files into a room container');
      }
    }
  }

  private async read(root: string, paths: string[], quotaBytes: number): Promise<{ path: string; content: Buffer }[]> {
    const files: { path: string; content: Buffer }[] = [];
    const seen = new Set<string>();
    let bytes = 0;
    const skipped: string[] = [];
    for (const relative of paths) {
      // A folder (made, or moved in) brings what is in it; a file is a folder of one. What would
      // pass the quota (or the file count) stays behind, and the rest still goes.
      const found = await folderFilesOf(root, relative, quotaBytes - bytes).catch((error: unknown) => {
        skipped.push(`${relative}: ${(error as Error).message}`);
        return [];
      });
      for (const file of found) {
        if (seen.has(file.path)) continue;
        seen.add(file.path);
        bytes += file.content.length;
        files.push(file);
      }
    }
    if (skipped.length) log.warn({ root, skipped: skipped.slice(0, 20), count: skipped.length }, 'changed files not synced into the room container');
    return files;
  }
}

/** The synced files at `relative` (a file, or a folder's files), within `maxBytes`. */
async function folderFilesOf(root: string, relative: string, maxBytes: number): Promise<{ path: string; content: Buffer }[]> {
  const stats = await lstat(path.join(root, ...relative.split('/'))).catch(() => undefined);
  if (!stats) return [];
  if (stats.isDirectory()) return folderFiles(root, maxBytes, relative);
  if (!stats.isFile()) return [];
  if (stats.size > maxBytes) throw new Error(`${relative} (${Math.round(stats.size / 2 ** 20)} MB) would pass the container's disk quota`);
  return [{ path: relative, content: await readFile(path.join(root, ...relative.split('/'))) }];
}
