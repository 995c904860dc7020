import { z } from 'zod';
import { ErrorCode } from './errors';
import { WorkspacePathSchema } from './paths';
import { MAX_PEER_OPS_PER_BATCH, PeerFileOpSchema, type PeerChangesResult } from './peer-file-ops';
import { method, type ServiceSpec } from './rpc';

// The room service of the host contract (issue 4): hosting a room (the embedded signalling
// server, the LAN address for invites) and the host write policy (issue 8). Declared here and merged into common/contract.ts.

export interface RoomHostingStatus {
  hosting: boolean;
  /** The embedded signalling server as this machine reaches it (loopback). */
  signalUrl: string | null;
  /** The same server as other machines on the LAN reach it; null when bound to loopback only. */
  lanUrl: string | null;
  /** The room's signalling token (issue 8): the server refuses a subscribe without it; invites carry it. */
  signalToken: string | null;
}

export const roomContract = {
  /**
   * Starts the embedded signalling server (once; later calls return the running one) with a
   * fresh per-room token. `lan` binds every interface so peers on the LAN can reach it; otherwise
   * loopback only. The server stops with stopHosting, or when the calling page goes away.
   */
  startHosting: method<RoomHostingStatus>()(z.object({ lan: z.boolean().optional() }).strict().optional()),
  stopHosting: method<void>()(z.object({}).strict().optional()),
  status: method<RoomHostingStatus>()(z.object({}).strict().optional()),
  /**
   * Host: these files of the open folder are in the room (shared when the room opened, or
   * opened or made by the host since); members may edit, rename and delete them.
   */
  markShared: method<void>()(z.object({ paths: z.array(WorkspacePathSchema).max(200_000) }).strict(), { errors: [ErrorCode.NoWorkspace] }),
  /**
   * Host: apply what a member did to the room's files (one doc transaction) to the disk, under
   * the host write policy (docs/trust.md). Refused operations come back with their reasons.
   */
  applyPeerChanges: method<PeerChangesResult>()(z.object({ ops: z.array(PeerFileOpSchema).max(MAX_PEER_OPS_PER_BATCH) }).strict(), { errors: [ErrorCode.NoWorkspace] }),
} satisfies ServiceSpec;
