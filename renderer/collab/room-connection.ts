import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { Emitter } from '../../common/event';
import { isRoomOwner, type MembershipEntry } from '../../common/membership';
import type { RoomChannel } from './room-channel';
import { RoomAdmin } from './provider/admission';
import { providerChannel } from './provider/channel';
import { RoomProvider, type AdmissionPolicy, type ProviderStats, type RoomEvent, type RoomMember, type RoomSigner } from './provider/room-provider';

// THE peer transport of a room (issue 4, issue 8): every room connection is made here and nowhere
// else. Our own provider (provider/): y-webrtc's signalling protocol, one RTCPeerConnection per
// peer, a signed handshake before any byte, roles from the membership log enforced per
// connection. Never the library's network defaults: our signalling URL, the room secret, the ICE
// servers given explicitly.

export interface RoomConnectionOptions {
  roomId: string;
  secret: string;
  signalUrl: string;
  /** STUN/TURN servers; [] on a LAN or loopback. */
  iceServers: RTCIceServer[];
  doc: Y.Doc;
  awareness: Awareness;
  /** This user: key, handshake and membership signatures (main's identity service in the app). */
  signer: RoomSigner;
  /** Display name shown at the door. */
  name: string;
  /** The owner's key and the salt the room id was made from (the invite carries both). */
  ownerKey: string;
  salt: string;
  entries?: MembershipEntry[];
  onEntries?: (entries: MembershipEntry[]) => void;
  /** Owner: what happens to a verified peer without a grant (default: it knocks). */
  admission?: AdmissionPolicy;
  /**
   * Updates that arrive within this many milliseconds of the last message sent are merged into
   * one message (the first of a burst still goes at once, so a lone keystroke is not delayed).
   */
  batchMs?: number;
  /** The RTCPeerConnection to use: the browser's by default; in Node, @roamhq/wrtc's. */
  PeerConnection?: typeof RTCPeerConnection;
  /** Hostile-peer tests only (room-provider.ts). */
  sendWithoutRole?: boolean;
}

export type ConnectionPhase = 'connecting' | 'online' | 'offline' | 'ended' | 'closed';

export interface ConnectionStatus {
  phase: ConnectionPhase;
  /** Peers that passed the handshake. */
  peers: number;
  /** Whether the signalling server is reachable. */
  signalling: boolean;
  /** Failed attempts to reach the signalling server since it was last reached. */
  signallingFailures: number;
  /** Milliseconds until the next attempt, or null when none is scheduled. */
  retryInMs: number | null;
}

export type TransportStats = ProviderStats;

export class RoomConnection {
  readonly ready: Promise<void>;
  readonly provider: RoomProvider;
  /** App messages between admitted members (guest runs, interview timer, shared terminals). */
  readonly channel: RoomChannel;
  /** The owner's and admins' door. */
  readonly admin: RoomAdmin;
  private readonly statusEmitter = new Emitter<ConnectionStatus>();
  private offline = false;
  private closed = false;
  private ended = false;

  constructor(options: RoomConnectionOptions) {
    // The room id names the owner's key: an invite whose owner key does not make its room id is forged.
    if (!isRoomOwner(options.roomId, options.ownerKey, options.salt)) throw new Error('This invite names an owner key that does not match its room id.');
    const PeerConnection = options.PeerConnection ?? globalThis.RTCPeerConnection;
    if (!PeerConnection) throw new Error('This runtime has no WebRTC (RTCPeerConnection).');
    this.provider = new RoomProvider({ ...options, PeerConnection });
    this.channel = providerChannel(this.provider);
    this.admin = new RoomAdmin(this.provider);
    this.provider.onDidChange(() => this.emit());
    this.provider.onEvent((event) => {
      if (event.kind === 'ended' || (event.kind === 'removed' && !this.provider.isOwner)) this.markEnded();
    });
    this.ready = this.provider.ready.then(() => {
      if (!this.closed) this.provider.start();
    });
  }

  get stats(): TransportStats {
    const links = [...this.provider.mesh.links.values()].reduce((sum, link) => sum + link.chunked, 0);
    return { ...this.provider.stats, chunkedMessages: this.provider.stats.chunkedMessages + links, undecryptable: this.provider.mesh.undecryptable };
  }

  readonly onDidChange = this.statusEmitter.event;

  get onEvent(): (listener: (event: RoomEvent) => void) => () => void {
    return this.provider.onEvent;
  }

  members(): RoomMember[] {
    return this.provider.members();
  }

  status(): ConnectionStatus {
    const signalling = this.provider.mesh.signalling.connected;
    const peers = this.closed || this.offline ? 0 : this.provider.verifiedLinks;
    const phase: ConnectionPhase = this.closed ? 'closed' : this.ended ? 'ended' : this.offline ? 'offline' : signalling || peers > 0 ? 'online' : 'connecting';
    let signallingFailures = 0;
    let retryInMs: number | null = null;
    if (!signalling && !this.offline && !this.ended && !this.closed) {
      const { failures, nextAttemptAt } = this.provider.mesh.signalling.state();
      signallingFailures = failures;
      if (nextAttemptAt !== null) retryInMs = Math.max(0, nextAttemptAt - Date.now());
    }
    return { phase, peers, signalling, signallingFailures, retryInMs };
  }

  private emit(): void {
    this.statusEmitter.fire(this.status());
  }

  /** The user asked to reach the signalling server now instead of waiting. */
  retryNow(): void {
    this.provider.mesh.signalling.retryNow();
  }

  /** Drops every peer and the signalling socket; edits made meanwhile merge on return. */
  goOffline(): void {
    if (this.offline || this.closed) return;
    this.offline = true;
    this.provider.stop();
    this.emit();
  }

  goOnline(): void {
    if (!this.offline || this.closed || this.ended) return;
    this.offline = false;
    this.provider.start();
    this.emit();
  }

  /**
   * The host ended the room (or removed us): no more attempts to reach its signalling server, and
   * no peers to look for. The doc stays as it is, so the guest still reads what was shared.
   */
  markEnded(): void {
    if (this.ended || this.closed) return;
    this.ended = true;
    this.provider.stop();
    this.emit();
  }

  get isOffline(): boolean {
    return this.offline;
  }

  destroy(): void {
    if (this.closed) return;
    this.provider.flush();
    this.closed = true;
    this.provider.dispose();
    this.emit();
    this.statusEmitter.dispose();
  }
}
