import { z } from 'zod';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { HandshakeSideName, HandshakeTranscript } from '../../../common/handshake';
import type { EntryFields, MembershipEntry } from '../../../common/membership';
import type { PeerRole } from './roles';

// The room provider's public shapes (room-provider.ts): options, members, events, counters and
// the owner messages' schema.

/** How long a grant given at the door lasts. */
export const GRANT_LIFETIME_MS = 30 * 24 * 60 * 60_000;

export interface RoomSigner {
  readonly publicKey: string;
  signHandshake(transcript: HandshakeTranscript, side: HandshakeSideName): Promise<string>;
  /** Signs a grant or revocation as this user (main's identity service; tests sign locally). */
  signEntry(fields: EntryFields): Promise<MembershipEntry>;
}

/** What the owner's window does with a verified peer that has no grant. */
export type AdmissionPolicy = 'knock' | 'viewer' | 'editor';

export interface RoomProviderOptions {
  roomId: string;
  secret: string;
  signalUrl: string;
  iceServers: RTCIceServer[];
  doc: Y.Doc;
  awareness: Awareness;
  PeerConnection: typeof RTCPeerConnection;
  signer: RoomSigner;
  /** Shown to peers at the door and in their member list (not verified). */
  name: string;
  /** The owner's key, bound by the room id (common/membership.ts roomIdFor); checked by RoomConnection. */
  ownerKey: string;
  /** Entries kept from before (main's MembershipStore). */
  entries?: MembershipEntry[];
  /** New entries, to keep (main's MembershipStore). */
  onEntries?: (entries: MembershipEntry[]) => void;
  admission?: AdmissionPolicy;
  batchMs?: number;
  now?: () => number;
  /**
   * Hostile-peer tests only: send document updates even when our own role may not write, as a
   * modified client would. The app never sets it.
   */
  sendWithoutRole?: boolean;
}

export interface RoomMember {
  key: string;
  fingerprint: string;
  name: string;
  role: PeerRole;
  clientIds: number[];
  self: boolean;
}

export type RoomEvent =
  | { kind: 'ended' }
  | { kind: 'read-only'; on: boolean }
  | { kind: 'rekeyed'; secret: string }
  | { kind: 'removed'; reason: 'denied' | 'kicked' | 'banned' }
  | { kind: 'admitted'; role: PeerRole }
  /** A peer sent a message over the size cap (../chunking.ts) and was dropped: said, not only counted. */
  | { kind: 'oversized'; from: string };

export interface ProviderStats {
  docUpdates: number;
  docMessages: number;
  awarenessMessages: number;
  chunkedMessages: number;
  undecryptable: number;
  handshakeFailures: number;
  /** Sync step 2 and update messages from peers whose role may not write. */
  droppedUpdates: number;
  /** Awareness entries for client ids the sender did not declare, or from peers not admitted. */
  droppedAwareness: number;
  /** Messages over the size cap (the peer was dropped). */
  oversized: number;
  /** Membership entries refused (bad signature, foreign room, malformed…). */
  refusedEntries: number;
  /** Membership entries held aside: signed by a key that no owner entry has made an admin (common/membership.ts). */
  pendingEntries: number;
  /** Messages not allowed from that peer (owner messages from someone else, app messages from a knocking peer). */
  refusedMessages: number;
  /** Peers dropped for sending more than is held while membership entries are checked (sync messages, or membership messages waiting). */
  heldOverflows: number;
  /** Peers' updates applied, and the transactions they took (batched: peer-updates.ts). */
  peerUpdates: number;
  peerBatches: number;
}

export const ControlSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('state'), readOnly: z.boolean() }),
  z.object({ t: z.literal('end') }),
  z.object({ t: z.literal('rekey'), secret: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/) }),
  z.object({ t: z.literal('removed'), reason: z.enum(['denied', 'kicked', 'banned']) }),
]);
export type ControlMessage = z.infer<typeof ControlSchema>;

export const AppSchema = z.object({ topic: z.string().min(1).max(128), payload: z.unknown() });
export type AppHandler = (topic: string, payload: unknown, from: RoomMember) => void;
