import { z } from 'zod';
import { HandshakeSide, type HandshakeSideName, type HandshakeTranscript } from '../../../common/handshake';
import { DisplayNameSchema } from '../../../common/identity';
import { FramedChannel } from './framed-channel';
import { encodeJsonMessage, MessageType, readJsonBody, readMessage } from './wire';
import type * as decoding from 'lib0/decoding';

// One peer of a room: one RTCPeerConnection, one ordered data channel, and the signed handshake
// (common/handshake.ts) before anything else. The fingerprints signed are those of the SDPs this
// RTCPeerConnection really uses, so a signalling server that swapped an offer or answer makes the
// signatures fail. Until both sides have verified each other (each says `ready` after verifying),
// a message of any other type closes the link: no document, awareness or app byte passes earlier.

/** Offer, answer and ICE candidates in simple-peer's shape, as y-webrtc publishes them. */
export const SignalSchema = z.union([
  z.object({ type: z.enum(['offer', 'answer']), sdp: z.string().max(64 * 1024) }),
  z.object({
    type: z.literal('candidate'),
    candidate: z.object({ candidate: z.string().max(2048), sdpMLineIndex: z.number().int().nullable().optional(), sdpMid: z.string().max(64).nullable().optional() }),
  }),
]);
export type Signal = z.infer<typeof SignalSchema>;

/** What a peer tells about itself once verified: its display name and the awareness client ids it speaks for. */
const ReadySchema = z.object({ t: z.literal('ready'), name: DisplayNameSchema.catch('Someone'), clientIds: z.array(z.number().int().min(0).max(2 ** 32)).max(4) }).strict();

/** A handshake message (hello, auth, ready) is a few hundred bytes; larger ones are refused unread. */
const MAX_HANDSHAKE_MESSAGE_BYTES = 16 * 1024;
/** A link that has not verified within this long is closed (a peer that never answers). */
const HANDSHAKE_TIMEOUT_MS = 30_000;
/** A link whose data channel has not opened within this long is closed and looked for again. */
const CONNECT_TIMEOUT_MS = 60_000;

export interface LinkIdentity {
  publicKey: string;
  name: string;
  signHandshake(transcript: HandshakeTranscript, side: HandshakeSideName): Promise<string>;
}

export interface VerifiedPeer {
  key: string;
  name: string;
  clientIds: number[];
}

export type LinkCloseReason = 'handshake-failed' | 'early-message' | 'timeout' | 'oversized' | 'closed' | 'malformed';

export interface PeerLinkOptions {
  remotePeerId: string;
  initiator: boolean;
  roomId: string;
  PeerConnection: typeof RTCPeerConnection;
  iceServers: RTCIceServer[];
  identity: LinkIdentity;
  clientIds(): number[];
  sendSignal(signal: Signal): void;
  onVerified(link: PeerLink, peer: VerifiedPeer): void;
  onMessage(link: PeerLink, type: number, decoder: decoding.Decoder): void;
  onClosed(link: PeerLink, reason: LinkCloseReason, detail?: string): void;
}

export class PeerLink {
  readonly pc: RTCPeerConnection;
  private framed: FramedChannel | null = null;
  private handshake: HandshakeSide | null = null;
  private verifiedKey: string | null = null;
  private peerReady: VerifiedPeer | null = null;
  /** Handshake messages are handled one at a time, in order. */
  private inbox: Promise<void> = Promise.resolve();
  /** Handshake messages that came before the channel's open event (startHandshake reads them). */
  private readonly early: unknown[] = [];
  private pendingCandidates: RTCIceCandidateInit[] = [];
  private timer: ReturnType<typeof setTimeout>;
  closed = false;
  /** The verified peer, once both sides said ready. */
  peer: VerifiedPeer | null = null;
  /** Used by the glare rule: when our offer was made (y-webrtc's token). */
  readonly token = Date.now() + Math.random();

  constructor(private readonly options: PeerLinkOptions) {
    this.pc = new options.PeerConnection({ iceServers: options.iceServers });
    this.pc.onicecandidate = (event) => {
      if (event.candidate) {
        const c = event.candidate;
        options.sendSignal({ type: 'candidate', candidate: { candidate: c.candidate, sdpMLineIndex: c.sdpMLineIndex, sdpMid: c.sdpMid } });
      }
    };
    this.pc.oniceconnectionstatechange = () => {
      if (this.pc.iceConnectionState === 'failed' || this.pc.iceConnectionState === 'closed') this.close('closed', `ice ${this.pc.iceConnectionState}`);
    };
    this.timer = setTimeout(() => this.close('timeout', 'no data channel'), CONNECT_TIMEOUT_MS);
    if (options.initiator) {
      this.attach(this.pc.createDataChannel('codecrafter-room', { ordered: true }));
      void this.negotiate();
    } else {
      this.pc.ondatachannel = (event) => this.attach(event.channel);
    }
  }

  get remotePeerId(): string {
    return this.options.remotePeerId;
  }

  get initiator(): boolean {
    return this.options.initiator;
  }

  get pendingBytes(): number {
    return this.framed?.pendingBytes ?? 0;
  }

  get chunked(): number {
    return this.framed?.chunked ?? 0;
  }

  private async negotiate(): Promise<void> {
    try {
      await this.pc.setLocalDescription(await this.pc.createOffer());
      const local = this.pc.localDescription;
      if (local && !this.closed) this.options.sendSignal({ type: 'offer', sdp: local.sdp });
    } catch (error) {
      this.close('closed', `offer failed: ${String(error)}`);
    }
  }

  /** An offer, answer or candidate from the peer, already checked against SignalSchema. */
  async signal(signal: Signal): Promise<void> {
    if (this.closed) return;
    try {
      if (signal.type === 'candidate') {
        const candidate = { candidate: signal.candidate.candidate, sdpMLineIndex: signal.candidate.sdpMLineIndex ?? null, sdpMid: signal.candidate.sdpMid ?? null };
        if (this.pc.remoteDescription) await this.pc.addIceCandidate(candidate);
        else this.pendingCandidates.push(candidate);
        return;
      }
      if (signal.type === 'offer' && this.options.initiator) return; // glare: the mesh decides who offers
      if (signal.type === 'answer' && (!this.options.initiator || this.pc.signalingState !== 'have-local-offer')) return;
      await this.pc.setRemoteDescription({ type: signal.type, sdp: signal.sdp });
      for (const candidate of this.pendingCandidates.splice(0)) await this.pc.addIceCandidate(candidate);
      if (signal.type === 'offer') {
        await this.pc.setLocalDescription(await this.pc.createAnswer());
        const local = this.pc.localDescription;
        if (local && !this.closed) this.options.sendSignal({ type: 'answer', sdp: local.sdp });
      }
    } catch (error) {
      this.close('closed', `negotiation failed: ${String(error)}`);
    }
  }

  private attach(channel: RTCDataChannel): void {
    this.framed = new FramedChannel(channel, {
      message: (data) => this.receive(data),
      oversized: () => this.close('oversized', 'a message over the size cap'),
    });
    const opened = () => this.startHandshake();
    if (channel.readyState === 'open') opened();
    else channel.addEventListener('open', opened, { once: true });
    channel.addEventListener('close', () => this.close('closed', 'data channel closed'));
  }

  private startHandshake(): void {
    if (this.closed || this.handshake) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.close('timeout', 'handshake did not finish'), HANDSHAKE_TIMEOUT_MS);
    const local = this.pc.localDescription?.sdp ?? '';
    const remote = this.pc.remoteDescription?.sdp ?? '';
    const { identity, roomId, initiator } = this.options;
    const side: HandshakeSideName = initiator ? 'offerer' : 'answerer';
    this.handshake = new HandshakeSide({ roomId, side, publicKey: identity.publicKey, localSdp: local, remoteSdp: remote, sign: (t, s) => identity.signHandshake(t, s) });
    const hs = this.handshake;
    void hs.done.then((result) => {
      if (!result.ok) return this.close('handshake-failed', result.problem);
      this.verifiedKey = result.peerKey;
      this.framed?.send(encodeJsonMessage(MessageType.handshake, { t: 'ready', name: identity.name, clientIds: this.options.clientIds() }));
      this.maybeOpen();
    });
    this.framed?.send(encodeJsonMessage(MessageType.handshake, hs.hello()));
    for (const body of this.early.splice(0)) this.inbox = this.inbox.then(() => this.handleHandshake(body));
  }

  private maybeOpen(): void {
    if (this.closed || this.peer || !this.verifiedKey || !this.peerReady) return;
    clearTimeout(this.timer);
    this.peer = { ...this.peerReady, key: this.verifiedKey };
    this.options.onVerified(this, this.peer);
  }

  private receive(data: Uint8Array): void {
    if (this.closed) return;
    let message;
    try {
      message = readMessage(data);
    } catch {
      return this.close('malformed', 'unreadable message');
    }
    if (this.peer) {
      this.options.onMessage(this, message.type, message.decoder);
      return;
    }
    if (message.type !== MessageType.handshake) return this.close('early-message', `type ${message.type} before the handshake`);
    if (data.length > MAX_HANDSHAKE_MESSAGE_BYTES) return this.close('malformed', `a handshake message of ${data.length} bytes`);
    let body: unknown;
    try {
      body = readJsonBody(message.decoder);
    } catch {
      return this.close('malformed', 'handshake message is not JSON');
    }
    if (!this.handshake) {
      // Chromium can deliver a channel's first messages before its open event, where our side of
      // the handshake starts: the peer's hello waits for it (dropped, the peer's auth then failed
      // as out of order). A hello and an auth are all a peer may send before our hello.
      if (this.early.length >= 2) return this.close('early-message', 'more handshake messages than a hello and an auth before the channel opened');
      this.early.push(body);
      return;
    }
    this.inbox = this.inbox.then(() => this.handleHandshake(body));
  }

  private async handleHandshake(body: unknown): Promise<void> {
    const hs = this.handshake;
    if (this.closed || !hs) return;
    if ((body as { t?: unknown } | null)?.t === 'ready') {
      const ready = ReadySchema.safeParse(body);
      // `ready` before our check of its auth passed is out of order: the handshake settles first.
      if (!ready.success || !this.verifiedKey) return this.close('handshake-failed', ready.success ? 'ready before auth' : 'malformed ready');
      this.peerReady = { key: '', name: ready.data.name, clientIds: ready.data.clientIds };
      this.maybeOpen();
      return;
    }
    const reply = await hs.receive(body);
    if (reply) this.framed?.send(encodeJsonMessage(MessageType.handshake, reply));
    // An auth settles `done`; its handler (registered first, in startHandshake) records the
    // verified key before the next message, the peer's `ready`, is read.
    if ((body as { t?: unknown } | null)?.t === 'auth') await hs.done;
  }

  /** Sends one of our messages; only after the handshake (the room checks roles first). */
  send(message: Uint8Array): void {
    if (this.peer && !this.closed) this.framed?.send(message);
  }

  close(reason: LinkCloseReason = 'closed', detail?: string): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.framed?.close();
    try {
      this.pc.close();
    } catch {
      // closing twice is harmless
    }
    this.options.onClosed(this, reason, detail);
  }
}
