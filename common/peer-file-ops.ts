import { z } from 'zod';
import { WorkspacePathSchema } from './paths';

// What a room member asks the host to do to its disk (issue 8, item 4). The host's renderer
// turns a peer's doc transaction into one batch of these; main decides, file by file, what of it
// reaches the disk (main/rooms/peer-write-gate.ts). The renderer is not trusted to decide.

/** The most operations one batch may carry (a batch over the room's caps is refused whole). */
export const MAX_PEER_OPS_PER_BATCH = 20_000;

/** Largest file a member may write, in bytes: the largest the editor opens (common/contract.ts MAX_FILE_BYTES). */
export const MAX_PEER_FILE_BYTES = 16 * 1024 * 1024;

export const PeerFileOpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('create'), path: WorkspacePathSchema, content: z.string().max(MAX_PEER_FILE_BYTES) }).strict(),
  z.object({ kind: z.literal('write'), path: WorkspacePathSchema, content: z.string().max(MAX_PEER_FILE_BYTES) }).strict(),
  z.object({ kind: z.literal('rename'), from: WorkspacePathSchema, to: WorkspacePathSchema }).strict(),
  z.object({ kind: z.literal('delete'), path: WorkspacePathSchema }).strict(),
]);

export type PeerFileOp = z.infer<typeof PeerFileOpSchema>;

export interface PeerOpRefusal {
  op: PeerFileOp;
  /** Said to the host and to the member, e.g. `".git/config" is inside ".git", which a room never writes.` */
  reason: string;
}

export interface PeerChangesResult {
  applied: PeerFileOp[];
  refused: PeerOpRefusal[];
}

/** The path an operation is about, for notices. */
export function peerOpPath(op: PeerFileOp): string {
  return op.kind === 'rename' ? op.from : op.path;
}
