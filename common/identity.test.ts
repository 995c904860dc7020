import { utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { base32, keyFingerprint, newSecretKey, signerFromSecretKey, SigningDomain, verifySignature } from './identity';

describe('identity', () => {
  it('base32 follows RFC 4648 test vectors', () => {
    const enc = (s: string) => base32(utf8ToBytes(s));
    expect([enc(''), enc('f'), enc('fo'), enc('foo'), enc('foob'), enc('fooba'), enc('foobar')]).toEqual(['', 'MY', 'MZXQ', 'MZXW6', 'MZXW6YQ', 'MZXW6YTB', 'MZXW6YTBOI']);
  });

  it('a fingerprint is 5 groups of 4 base32 characters and differs between keys', async () => {
    const a = await signerFromSecretKey(await newSecretKey());
    const b = await signerFromSecretKey(await newSecretKey());
    expect(keyFingerprint(a.publicKey)).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4}){4}$/);
    expect(keyFingerprint(a.publicKey)).not.toBe(keyFingerprint(b.publicKey));
    expect(keyFingerprint(a.publicKey)).toBe(keyFingerprint(a.publicKey));
  });

  it('a signature verifies only for its key, domain and payload', async () => {
    const a = await signerFromSecretKey(await newSecretKey());
    const b = await signerFromSecretKey(await newSecretKey());
    const sig = await a.sign(SigningDomain.handshake, 'payload');
    expect(await verifySignature(a.publicKey, SigningDomain.handshake, 'payload', sig)).toBe(true);
    expect(await verifySignature(b.publicKey, SigningDomain.handshake, 'payload', sig)).toBe(false);
    expect(await verifySignature(a.publicKey, SigningDomain.membership, 'payload', sig)).toBe(false);
    expect(await verifySignature(a.publicKey, SigningDomain.handshake, 'payload2', sig)).toBe(false);
    expect(await verifySignature(a.publicKey, SigningDomain.handshake, 'payload', '00'.repeat(64))).toBe(false);
    expect(await verifySignature('zz', SigningDomain.handshake, 'payload', sig)).toBe(false);
  });
});
