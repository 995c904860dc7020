import { watch, type FSWatcher } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { FileChange } from '../../common/types';
import { isWorkspacePath } from '../../common/paths';
import { isIgnoredPath } from './file-listing';

/** Changes that arrive within this many milliseconds are reported together. */
const DEBOUNCE_MS = 60;

/**
 * Watches a workspace folder (recursively, through Node's fs.watch) and reports created, changed
 * and deleted paths. fs.watch only says "something happened to this name", so each name is
 * looked up again and compared with what was known to tell the three apart.
 */
export class FileWatcher {
  private watcher: FSWatcher | undefined;
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(
    private readonly root: string,
    private readonly known: Map<string, 'file' | 'directory'>,
    private readonly onChanges: (changes: FileChange[]) => void,
  ) {}

  start(): void {
    this.watcher = watch(this.root, { recursive: true }, (_event, filename) => {
      if (!filename) return;
      const relative = filename.toString().split(path.sep).join('/');
      if (!isWorkspacePath(relative) || isIgnoredPath(relative)) return;
      this.pending.add(relative);
      this.timer ??= setTimeout(() => void this.flush(), DEBOUNCE_MS);
    });
    this.watcher.on('error', () => {
      // The root itself went away or became unreadable; the next explicit listing tells the user.
    });
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const paths = [...this.pending].sort();
    this.pending.clear();
    const changes: FileChange[] = [];
    for (const relative of paths) {
      // No stats means the file is gone: that is the change being reported, not an error.
      const stats = await lstat(path.join(this.root, ...relative.split('/'))).catch(() => undefined);
      if (this.disposed) return;
      const before = this.known.get(relative);
      if (!stats) {
        if (before === undefined) continue;
        for (const key of [...this.known.keys()]) {
          if (key === relative || key.startsWith(`${relative}/`)) this.known.delete(key);
        }
        changes.push({ kind: 'deleted', path: relative });
        continue;
      }
      const entryKind = stats.isDirectory() ? 'directory' : 'file';
      this.known.set(relative, entryKind);
      changes.push({ kind: before === undefined ? 'created' : 'changed', path: relative, entryKind });
    }
    if (changes.length > 0) this.onChanges(changes);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.watcher?.close();
  }
}
