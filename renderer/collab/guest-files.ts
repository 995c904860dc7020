import * as Y from 'yjs';
import { workspacePathProblem } from '../../common/paths';
import { documents } from '../editor/documents';

// A guest has no folder: what it creates goes into the room doc, and the host writes it to disk
// (renderer/collab/session.ts, persistPeerFiles).

/** A guest's new file goes into the room doc; returns why it cannot, or null. */
export function createGuestFile(kind: 'file' | 'directory', path: string): string | null {
  if (kind === 'directory') return 'In a room, folders come with files: name a file inside the new folder, e.g. "lib/util.py".';
  const problem = workspacePathProblem(path);
  if (problem) return `Cannot create "${path}": ${problem}.`;
  if (documents.files.has(path)) return `"${path}" already exists.`;
  documents.files.set(path, new Y.Text());
  return null;
}
