import * as ed from '@noble/ed25519';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';

// Who a person is in rooms (issue 8, item 1; docs/trust.md): an Ed25519 key pair made on first
// use, kept by main (main/identity/), with a display name and colour. Everything signed with it
// is domain-separated: the signed bytes start with a tag naming what they are, so a signature
// made for one purpose (a membership entry, a handshake transcript) is never valid for another.
// Ed25519 comes from @noble/ed25519 (its async API hashes with WebCrypto's SHA-512, present in
// Node 22 and Chromium); no crypto of our own.

/** What a signature may be over; each is a structure this code encodes itself, never bytes from a caller. */
export const SigningDomain = {
  membership: 'codecrafter/membership-entry/v1',
  handshake: 'codecrafter/handshake-transcript/v1',
  chat: 'codecrafter/chat-message/v1',
} as const;
export type SigningDomain = (typeof SigningDomain)[keyof typeof SigningDomain];

/** An Ed25519 public key, 32 bytes as lower-case hex. */
export const PublicKeySchema = z.string().regex(/^[0-9a-f]{64}$/, 'A public key is 64 lower-case hex digits.');
/** An Ed25519 signature, 64 bytes as lower-case hex. */
export const SignatureSchema = z.string().regex(/^[0-9a-f]{128}$/, 'A signature is 128 lower-case hex digits.');

export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, 'Give a name.')
  .max(60, 'A name is at most 60 characters.')
  .refine((name) => !/\p{Cc}/u.test(name), 'A name cannot hold control characters.');
export const ColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour is #rrggbb.');

export interface PublicIdentity {
  publicKey: string;
  name: string;
  color: string;
  /** SHA-256 of the public key, base32, grouped: what two people compare to know it is the same key. */
  fingerprint: string;
}

/** The bytes a signature of `domain` covers: the tag, a NUL, then the payload's UTF-8. */
export function signingBytes(domain: SigningDomain, payload: string): Uint8Array {
  return concatBytes(utf8ToBytes(domain), new Uint8Array([0]), utf8ToBytes(payload));
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding (an encoding, for fingerprints people read aloud). */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/** Characters of the fingerprint shown: 20 base32 characters are 100 bits, read as 5 groups of 4. */
const FINGERPRINT_CHARS = 20;

export function keyFingerprint(publicKey: string): string {
  const text = base32(sha256(hexToBytes(publicKey))).slice(0, FINGERPRINT_CHARS);
  return text.match(/.{4}/g)!.join(' ');
}

export async function verifySignature(publicKey: string, domain: SigningDomain, payload: string, signature: string): Promise<boolean> {
  if (!PublicKeySchema.safeParse(publicKey).success || !SignatureSchema.safeParse(signature).success) return false;
  try {
    return await ed.verifyAsync(hexToBytes(signature), signingBytes(domain, payload), hexToBytes(publicKey));
  } catch {
    // A key that is not a curve point: not a valid signature, nothing to report beyond "false".
    return false;
  }
}

/** Signs as one identity. main holds the only real one (main/identity/); tests make their own. */
export interface DomainSigner {
  readonly publicKey: string;
  sign(domain: SigningDomain, payload: string): Promise<string>;
}

/** A signer over a secret key in memory: main's key store and tests use it. */
export async function signerFromSecretKey(secretKey: Uint8Array): Promise<DomainSigner> {
  const publicKey = bytesToHex(await ed.getPublicKeyAsync(secretKey));
  return {
    publicKey,
    sign: async (domain, payload) => bytesToHex(await ed.signAsync(signingBytes(domain, payload), secretKey)),
  };
}

export async function newSecretKey(): Promise<Uint8Array> {
  return (await ed.keygenAsync()).secretKey;
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
