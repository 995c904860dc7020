import { z } from 'zod';
import { Emitter } from '../../../common/event';
import { PeerLink, SignalSchema, type LinkCloseReason, type LinkIdentity, type Signal, type VerifiedPeer } from './peer-link';
import { deriveRoomKey, openJson, sealJson } from './signal-crypto';
import { SignallingClient } from './signalling-client';
import type * as decoding from 'lib0/decoding';

// Finding the room's peers: y-webrtc's signalling protocol unchanged (the topic is the room id,
// every payload sealed with the room secret as y-webrtc seals it: `announce` to say we are here,
// `signal` {to, from, token, signal} for offers, answers and ICE candidates), so our signalling
// server and its Redis fan-out work as they did. A full mesh: rooms are small (DESIGN.md section 7).
//
// Who offers: the peer with the smaller id. A peer that hears an announce from a smaller id
// answers with an announce addressed to it (y-webrtc's `to` field), so two peers never both offer.

/** Links at most; past this a peer is not connected to (DESIGN.md section 7: mesh rooms are small). */
export const MAX_LINKS = 64;
/** After a link closes, announce again after this long (the peer may still be there). */
const REANNOUNCE_MS = 1_000;

const SignalMessageSchema = z.object({
  type: z.literal('signal'),
  from: z.string().min(1).max(64),
  to: z.string().min(1).max(64),
  token: z.number().optional(),
  signal: SignalSchema,
});
const AnnounceSchema = z.object({ type: z.literal('announce'), from: z.string().min(1).max(64), to: z.string().max(64).optional() });

export interface MeshOptions {
  roomId: string;
  secret: string;
  signalUrl: string;
  iceServers: RTCIceServer[];
  PeerConnection: typeof RTCPeerConnection;
  identity: LinkIdentity;
  clientIds(): number[];
  onVerified(link: PeerLink, peer: VerifiedPeer): void;
  onMessage(link: PeerLink, type: number, decoder: decoding.Decoder): void;
  onLinkClosed(link: PeerLink, reason: LinkCloseReason, detail?: string): void;
}

export class Mesh {
  readonly peerId = crypto.randomUUID();
  readonly links = new Map<string, PeerLink>();
  readonly signalling: SignallingClient;
  private key: Promise<CryptoKey>;
  /** Sealed messages are opened one after another, so an offer is never overtaken by its candidates. */
  private opening: Promise<void> = Promise.resolve();
  /** And sealed and sent one after another, for the same reason: WebCrypto may finish a small candidate before a large offer. */
  private sending: Promise<void> = Promise.resolve();
  private running = false;
  private reannounce: ReturnType<typeof setTimeout> | null = null;
  /** Signalling messages that did not open with our secret: someone in the topic with another one. */
  undecryptable = 0;
  private readonly changeEmitter = new Emitter<void>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposers: Array<() => void> = [];

  constructor(private readonly options: MeshOptions) {
    this.key = deriveRoomKey(options.secret, options.roomId);
    this.signalling = new SignallingClient(options.signalUrl);
    this.disposers.push(
      this.signalling.onDidConnect(() => void this.announce()),
      this.signalling.onPublish((frame) => {
        if (frame.topic !== this.options.roomId || typeof frame.data !== 'string') return;
        const data = frame.data;
        this.opening = this.opening.then(() => this.receive(data));
      }),
      this.signalling.onDidChange(() => this.changeEmitter.fire()),
    );
  }

  /** Resolves once the room key is derived (PBKDF2 takes a moment). */
  get ready(): Promise<void> {
    return this.key.then(() => undefined);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.signalling.subscribe(this.options.roomId);
    this.signalling.start();
  }

  /** Leaves the topic and closes every link (going offline, or the end of the room). */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    if (this.reannounce) clearTimeout(this.reannounce);
    this.reannounce = null;
    this.signalling.unsubscribe(this.options.roomId);
    this.signalling.stop();
    for (const link of [...this.links.values()]) link.close('closed', 'we left');
    this.links.clear();
  }

  dispose(): void {
    this.stop();
    for (const d of this.disposers) d();
    this.signalling.dispose();
    this.changeEmitter.dispose();
  }

  /** A new room secret (a ban): later signalling is sealed with it; open links stay. */
  rekey(secret: string): void {
    this.key = deriveRoomKey(secret, this.options.roomId);
    void this.announce();
  }

  private publish(message: Record<string, unknown>): Promise<void> {
    const sent = this.sending.then(async () => {
      const sealed = await sealJson(message, await this.key);
      this.signalling.publish(this.options.roomId, sealed);
    });
    // One failed seal must not stop the messages behind it; the caller still gets the failure.
    this.sending = sent.catch(() => {});
    return sent;
  }

  private async announce(to?: string): Promise<void> {
    if (!this.running || !this.signalling.connected) return;
    await this.publish(to ? { type: 'announce', from: this.peerId, to } : { type: 'announce', from: this.peerId });
  }

  private async receive(sealed: string): Promise<void> {
    let data: unknown;
    try {
      data = await openJson(sealed, await this.key);
    } catch {
      this.undecryptable++;
      return;
    }
    if (!this.running) return;
    const announce = AnnounceSchema.safeParse(data);
    if (announce.success) return this.onAnnounce(announce.data.from, announce.data.to);
    const signal = SignalMessageSchema.safeParse(data);
    if (signal.success && signal.data.to === this.peerId) this.onSignal(signal.data.from, signal.data.signal);
  }

  private onAnnounce(from: string, to: string | undefined): void {
    if (from === this.peerId || (to !== undefined && to !== this.peerId)) return;
    const existing = this.links.get(from);
    if (existing && !existing.closed) return;
    if (this.peerId < from) this.connect(from, true);
    else void this.announce(from);
  }

  private onSignal(from: string, signal: Signal): void {
    let link = this.links.get(from);
    if (signal.type === 'offer') {
      // We offer to larger ids only; an offer from a larger id breaks the rule (a stale peer or a
      // rewritten message) and is ignored. A second offer replaces a link that never verified.
      if (this.peerId < from) return;
      if (link && (link.initiator || link.pc.remoteDescription !== null) && !link.peer) {
        link.close('closed', 'replaced by a new offer');
        link = undefined;
      }
      if (!link || link.closed) link = this.connect(from, false) ?? undefined;
    }
    if (link && !link.closed) void link.signal(signal);
  }

  private connect(remotePeerId: string, initiator: boolean): PeerLink | null {
    if (this.links.size >= MAX_LINKS) return null;
    const link = new PeerLink({
      remotePeerId,
      initiator,
      roomId: this.options.roomId,
      PeerConnection: this.options.PeerConnection,
      iceServers: this.options.iceServers,
      identity: this.options.identity,
      clientIds: this.options.clientIds,
      sendSignal: (signal) => void this.publish({ type: 'signal', from: this.peerId, to: remotePeerId, token: link.token, signal }),
      onVerified: (l, peer) => {
        this.options.onVerified(l, peer);
        this.changeEmitter.fire();
      },
      onMessage: this.options.onMessage,
      onClosed: (l, reason, detail) => {
        if (this.links.get(remotePeerId) === l) this.links.delete(remotePeerId);
        this.options.onLinkClosed(l, reason, detail);
        this.changeEmitter.fire();
        if (this.running && !this.reannounce) {
          this.reannounce = setTimeout(() => {
            this.reannounce = null;
            void this.announce();
          }, REANNOUNCE_MS);
        }
      },
    });
    this.links.set(remotePeerId, link);
    this.changeEmitter.fire();
    return link;
  }

  /** Links whose peer passed the handshake. */
  verified(): PeerLink[] {
    return [...this.links.values()].filter((l) => l.peer !== null && !l.closed);
  }
}
