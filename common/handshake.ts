import { z } from 'zod';
import { bytesToHex } from '@noble/hashes/utils.js';
import { PublicKeySchema, SignatureSchema, SigningDomain, verifySignature, type DomainSigner } from './identity';

// The signed handshake on a new data channel (issue 8, item 3; docs/trust.md). Before any
// document or awareness byte, each side sends a hello (its public key and a fresh nonce) and then
// a signature over one transcript: the protocol tag, the room id, and for the offerer and the
// answerer their public key, their nonce and the DTLS certificate fingerprints of the SDP this
// side's RTCPeerConnection actually uses. A signalling server that swapped an offer or answer
// (a man in the middle) makes the two sides' transcripts differ, so neither signature verifies;
// the room id stops replay into another room, the nonces replay of an old connection, and the
// signer's side in the signed text a reflection of one's own signature.

export const HANDSHAKE_PROTOCOL = 'codecrafter-room-handshake/1';

export type HandshakeSideName = 'offerer' | 'answerer';

const Nonce = z.string().regex(/^[0-9a-f]{64}$/);

export const HandshakeHelloSchema = z
  .object({ t: z.literal('hello'), protocol: z.literal(HANDSHAKE_PROTOCOL), roomId: z.string().min(1).max(64), publicKey: PublicKeySchema, nonce: Nonce })
  .strict();
export const HandshakeAuthSchema = z.object({ t: z.literal('auth'), sig: SignatureSchema }).strict();
export type HandshakeHello = z.infer<typeof HandshakeHelloSchema>;
export type HandshakeAuth = z.infer<typeof HandshakeAuthSchema>;

export interface HandshakeParty {
  publicKey: string;
  nonce: string;
  /** Normalised DTLS certificate fingerprints of this party's SDP (parseSdpFingerprints). */
  fingerprints: string[];
}

export interface HandshakeTranscript {
  roomId: string;
  offerer: HandshakeParty;
  answerer: HandshakeParty;
}

export const HandshakeTranscriptSchema = z
  .object({
    roomId: z.string().min(1).max(64),
    offerer: z.object({ publicKey: PublicKeySchema, nonce: Nonce, fingerprints: z.array(z.string().max(300)).min(1).max(8) }).strict(),
    answerer: z.object({ publicKey: PublicKeySchema, nonce: Nonce, fingerprints: z.array(z.string().max(300)).min(1).max(8) }).strict(),
  })
  .strict();

const FINGERPRINT_LINE = /^a=fingerprint:(\S+)\s+([0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2})+)\s*$/;

/**
 * The DTLS certificate fingerprints of an SDP (RFC 8122 `a=fingerprint:<hash> <hex:hex:…>`, at
 * session or media level), as `sha-256 AB:CD:…`, without duplicates, sorted.
 */
export function parseSdpFingerprints(sdp: string): string[] {
  const found = new Set<string>();
  for (const line of sdp.split(/\r?\n/)) {
    const match = FINGERPRINT_LINE.exec(line.trim());
    if (match) found.add(`${match[1]!.toLowerCase()} ${match[2]!.toUpperCase()}`);
  }
  return [...found].sort();
}

/** What each side signs: the transcript in a fixed order, and which side is signing. */
export function handshakePayload(transcript: HandshakeTranscript, signer: HandshakeSideName): string {
  const party = (p: HandshakeParty) => [p.publicKey, p.nonce, [...p.fingerprints].sort()];
  return JSON.stringify([HANDSHAKE_PROTOCOL, transcript.roomId, party(transcript.offerer), party(transcript.answerer), signer]);
}

export function newHandshakeNonce(): string {
  const bytes = new Uint8Array(32);
  (globalThis as unknown as { crypto: { getRandomValues(b: Uint8Array): Uint8Array } }).crypto.getRandomValues(bytes);
  return bytesToHex(bytes);
}

/** Signs a transcript as one side. main's identity service calls this with its own key. */
export function signHandshake(signer: DomainSigner, transcript: HandshakeTranscript, as: HandshakeSideName): Promise<string> {
  return signer.sign(SigningDomain.handshake, handshakePayload(transcript, as));
}

export type HandshakeProblem = 'malformed' | 'wrong-protocol' | 'wrong-room' | 'no-fingerprint' | 'bad-signature' | 'out-of-order';

export type HandshakeResult = { ok: true; peerKey: string } | { ok: false; problem: HandshakeProblem };

export interface HandshakeOptions {
  roomId: string;
  side: HandshakeSideName;
  /** Signs as this peer: `sign(transcript, side)`; main holds the key (identity.signHandshake). */
  sign(transcript: HandshakeTranscript, side: HandshakeSideName): Promise<string>;
  publicKey: string;
  /** The SDPs this side's RTCPeerConnection uses: localDescription.sdp and remoteDescription.sdp. */
  localSdp: string;
  remoteSdp: string;
}

/**
 * One side of the handshake: `hello()` to send first; then `receive()` each message from the
 * peer, sending what it returns; `done` settles with the peer's verified key or the problem.
 * The caller drops the connection on any problem and lets no other traffic through before ok.
 */
export class HandshakeSide {
  readonly nonce = newHandshakeNonce();
  private peerHello: HandshakeHello | null = null;
  private transcript: HandshakeTranscript | null = null;
  private settle!: (result: HandshakeResult) => void;
  private settled = false;
  readonly done = new Promise<HandshakeResult>((resolve) => (this.settle = resolve));

  constructor(private readonly options: HandshakeOptions) {}

  hello(): HandshakeHello {
    return { t: 'hello', protocol: HANDSHAKE_PROTOCOL, roomId: this.options.roomId, publicKey: this.options.publicKey, nonce: this.nonce };
  }

  private fail(problem: HandshakeProblem): null {
    if (!this.settled) {
      this.settled = true;
      this.settle({ ok: false, problem });
    }
    return null;
  }

  /** Handles one message from the peer; returns the message to send back, if any. */
  async receive(message: unknown): Promise<HandshakeAuth | null> {
    if (this.settled) return null;
    const kind = (message as { t?: unknown } | null)?.t;
    if (kind === 'hello') {
      if (this.peerHello) return this.fail('out-of-order');
      if ((message as { protocol?: unknown }).protocol !== HANDSHAKE_PROTOCOL) return this.fail('wrong-protocol');
      const hello = HandshakeHelloSchema.safeParse(message);
      if (!hello.success) return this.fail('malformed');
      if (hello.data.roomId !== this.options.roomId) return this.fail('wrong-room');
      this.peerHello = hello.data;
      const local = parseSdpFingerprints(this.options.localSdp);
      const remote = parseSdpFingerprints(this.options.remoteSdp);
      if (local.length === 0 || remote.length === 0) return this.fail('no-fingerprint');
      const me: HandshakeParty = { publicKey: this.options.publicKey, nonce: this.nonce, fingerprints: local };
      const peer: HandshakeParty = { publicKey: hello.data.publicKey, nonce: hello.data.nonce, fingerprints: remote };
      this.transcript = { roomId: this.options.roomId, offerer: this.options.side === 'offerer' ? me : peer, answerer: this.options.side === 'offerer' ? peer : me };
      return { t: 'auth', sig: await this.options.sign(this.transcript, this.options.side) };
    }
    if (kind === 'auth') {
      if (!this.transcript || !this.peerHello) return this.fail('out-of-order');
      const auth = HandshakeAuthSchema.safeParse(message);
      if (!auth.success) return this.fail('malformed');
      const peerSide: HandshakeSideName = this.options.side === 'offerer' ? 'answerer' : 'offerer';
      const ok = await verifySignature(this.peerHello.publicKey, SigningDomain.handshake, handshakePayload(this.transcript, peerSide), auth.data.sig);
      if (!ok) return this.fail('bad-signature');
      this.settled = true;
      this.settle({ ok: true, peerKey: this.peerHello.publicKey });
      return null;
    }
    return this.fail('malformed');
  }
}
