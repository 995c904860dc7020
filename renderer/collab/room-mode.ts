import { parentPath } from '../../common/paths';
import type { FileEntry } from '../../common/types';
import { workbench } from '../state/store';

// What the rest of the workbench asks about the room without importing the session (and so
// without import cycles): whether this window is a guest, and a guest's file tree.

/** A guest has no folder of its own: its files are the keys of the room doc's `files` map. */
export function isGuest(): boolean {
  return workbench.get().collab.room?.role === 'guest';
}

export function inRoom(): boolean {
  return workbench.get().collab.room !== null;
}

/** The Explorer's entries for a list of workspace file paths (folders derived from them). */
export function entriesFromPaths(paths: Iterable<string>): FileEntry[] {
  const entries = new Map<string, FileEntry>();
  for (const path of paths) {
    entries.set(path, { path, kind: 'file', size: 0, mtimeMs: 0 });
    for (let dir = parentPath(path); dir !== '' && !entries.has(dir); dir = parentPath(dir)) {
      entries.set(dir, { path: dir, kind: 'directory', size: 0, mtimeMs: 0 });
    }
  }
  return [...entries.values()];
}

