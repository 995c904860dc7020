import * as Y from 'yjs';
import { z } from 'zod';
import { isInside, workspacePathProblem } from '../../common/paths';
import type { WorkspaceDocuments } from '../editor/workspace-documents';
import type { GuestFiles } from './guest-files';

// Renames and deletions in a room travel through the doc. The keys move in the `files` map, and
// the same transaction appends what happened to `fileOps`: a peer cannot tell a rename from a
// delete plus an unrelated create by the keys alone, and the host needs to know, so that it moves
// the file on disk (with anything in a folder that was never shared, such as binaries) and every
// peer's open tab follows instead of closing. This module takes the documents as parameters;
// file-ops.ts binds them to the window's.

const PeerPathSchema = z.string().refine((p) => workspacePathProblem(p) === null, 'not a workspace path');

const FileOpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rename'), from: PeerPathSchema, to: PeerPathSchema }),
  z.object({ kind: z.literal('delete'), path: PeerPathSchema }),
]);

export type FileOp = z.infer<typeof FileOpSchema>;

export function fileOpsArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray('fileOps');
}

/** What a peer appended to `fileOps`, validated: anything malformed or outside the workspace is dropped. */
export function addedFileOps(event: Y.YArrayEvent<unknown>): FileOp[] {
  const ops: FileOp[] = [];
  for (const item of event.changes.added) {
    for (const value of item.content.getContent()) {
      const parsed = FileOpSchema.safeParse(value);
      if (parsed.success) ops.push(parsed.data);
    }
  }
  return ops;
}

/** Where a path goes under a rename (unchanged when outside it). */
export function movedPath(path: string, op: { from: string; to: string }): string {
  return isInside(path, op.from) ? op.to + path.slice(op.from.length) : path;
}

export interface RoomFileKeys {
  documents: Pick<WorkspaceDocuments, 'doc' | 'files' | 'rename'>;
  guestFiles: Pick<GuestFiles, 'listedOnlyUnder' | 'moveListed' | 'hostMove'>;
  inRoom: () => boolean;
}

/** The room's files at or under `path`: texts in the doc, and a big folder's listed files nobody opened yet. */
export function keysUnder({ documents, guestFiles }: RoomFileKeys, path: string): string[] {
  return [...[...documents.files.keys()].filter((key) => isInside(key, path)), ...guestFiles.listedOnlyUnder(path)];
}

/**
 * Moves the text of every key at or under `from` to `to` in one transaction; in a room the
 * rename is recorded for the peers in that same transaction.
 */
export function renameKeys({ documents, guestFiles, inRoom }: RoomFileKeys, from: string, to: string): void {
  documents.doc.transact(() => {
    documents.rename(from, to);
    // A big folder's listed files move too; on the host, so does what members may ask for.
    guestFiles.moveListed(from, to);
    guestFiles.hostMove(from, to);
    if (inRoom()) fileOpsArray(documents.doc).push([{ kind: 'rename', from, to } satisfies FileOp]);
  });
}
