import { isWorkspacePath } from '../../common/paths';
import type { FileChange } from '../../common/types';
import { getLogger } from '../log/log-service';
import { entryKind, readFileNoFollow } from '../rooms/room-disk';
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

export interface SyncedContainer {
  id: string;
  quotaBytes: number;
  /** Over its disk quota at its last measure (quota-watch.ts): it is not written to. */
  over: boolean;
}

export interface SyncTarget {
  /** Running containers with synced storage of the folder `root`. */
  containers(root: string): Promise<SyncedContainer[]>;
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
  private readonly warned = new Set<string>();

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
    let containers: SyncedContainer[];
    try {
      containers = await this.target.containers(root);
      this.warned.delete('list');
    } catch (error) {
      // Once per outage (no Docker here, say), not at every save.
      this.warnOnce('list', { err: error, root, paths: paths.length }, 'could not find the room containers to sync changed files into');
      return;
    }
    if (containers.length === 0) return;

    // Each path as it is now: a file or folder to put, or gone. A path under a link (a parent
    // swapped for one since the change) is neither: nothing is read through a link.
    const gone: string[] = [];
    const present: string[] = [];
    for (const relative of paths) {
      const entry = await entryKind(root, relative).catch(() => 'refused' as const);
      if (entry === null) gone.push(relative);
      else if (entry !== 'refused' && (entry.kind === 'file' || entry.kind === 'directory')) present.push(relative);
    }
    // A deleted folder is one removal: what was under it goes with it.
    const removals = gone.filter((p) => !gone.some((other) => p.startsWith(`${other}/`)));
    for (const { id, quotaBytes, over } of containers) {
      if (over) {
        // A container over its quota takes no more from the folder (growth there stops its programs).
        this.warnOnce(`over:${id}`, { root, containerId: id }, 'changed files not synced: the room container is over its disk quota');
        continue;
      }
      // Removals and puts fail apart: a refused removal does not hold back the changed files.
      if (removals.length) {
        await this.target.remove(id, removals).catch((error: unknown) => log.warn({ err: error, root, containerId: id, deleted: removals.length }, 'could not remove deleted files from a room container'));
      }
      if (present.length) {
        try {
          const files = await this.read(root, present, quotaBytes);
          if (files.length) await this.target.put(id, await tarFiles(files));
        } catch (error) {
          log.warn({ err: error, root, containerId: id, changed: present.length }, 'could not sync changed files into a room container');
        }
      }
    }
  }

  private warnOnce(key: string, context: object, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    log.warn(context, message);
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

/** The synced files at `relative` (a file, or a folder's files), within `maxBytes`, never through a link. */
async function folderFilesOf(root: string, relative: string, maxBytes: number): Promise<{ path: string; content: Buffer }[]> {
  const entry = await entryKind(root, relative);
  if (entry?.kind === 'directory') return folderFiles(root, maxBytes, relative);
  if (entry?.kind !== 'file') return [];
  if (entry.size > maxBytes) throw new Error(`${relative} (${Math.round(entry.size / 2 ** 20)} MB) would pass the container's disk quota`);
  const content = await readFileNoFollow(root, relative);
  return content ? [{ path: relative, content }] : [];
}
