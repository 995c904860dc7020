import { isInside, workspacePathProblem } from '../../common/paths';
import { documents } from '../editor/documents';
import { inRoom } from './room-mode';
import { guestFiles } from '../app-context';
import * as log from './file-op-log';

// The window's room file operations (file-op-log.ts says how they travel), over its documents.

export { addedFileOps, movedPath, type FileOp } from './file-op-log';

const keys: log.RoomFileKeys = { documents, guestFiles, inRoom };

export function fileOpsArray(doc = documents.doc) {
  return log.fileOpsArray(doc);
}

/** The room's files at or under `path`: texts in the doc, and a big folder's listed files nobody opened yet. */
export function keysUnder(path: string): string[] {
  return log.keysUnder(keys, path);
}

/** Why a guest cannot rename `from` to `to` in the doc, or null. */
export function guestRenameProblem(from: string, to: string): string | null {
  const problem = workspacePathProblem(to);
  if (problem) return `Cannot rename "${from}": ${problem}.`;
  if (isInside(to, from)) return `Cannot move "${from}" into itself.`;
  if (keysUnder(from).length === 0) return `"${from}" is no longer in the room.`;
  if (keysUnder(to).length > 0) return `"${to}" already exists.`;
  return null;
}

/**
 * Moves the text of every key at or under `from` to `to` in one transaction; in a room the
 * rename is recorded for the peers in that same transaction.
 */
export function renameKeys(from: string, to: string): void {
  log.renameKeys(keys, from, to);
}

/** A guest deletes a file or folder: its keys leave the doc and the host deletes it from disk. */
export function deleteKeys(path: string): void {
  documents.doc.transact(() => {
    for (const key of keysUnder(path)) documents.files.delete(key);
    guestFiles.hostForget(path);
    fileOpsArray().push([{ kind: 'delete', path } satisfies log.FileOp]);
  });
}
