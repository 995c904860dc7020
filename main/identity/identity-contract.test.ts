import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type Contract } from '../../common/contract';
import { ErrorCode, HostError } from '../../common/errors';
import { handshakePayload, newHandshakeNonce, type HandshakeTranscript } from '../../common/handshake';
import { keyFingerprint, newSecretKey, signerFromSecretKey, SigningDomain, verifySignature } from '../../common/identity';
import { checkEntry, newRoomSalt, roomIdFor } from '../../common/membership';
import { checkChatMessage } from '../../common/chat';
import { createClient, type ClientOf } from '../../common/rpc';
import { createInMemoryTransport } from '../host/memory-transport';
import { createHostServices, type HostServices } from '../host/services';
import type { SecretBox } from './secret-box';

// Issue 8, item 1, through the contract with the real services: a real identity file in a real
// data dir, its mode read back with stat.

let dir: string;
let dataDir: string;
let services: HostServices;
let api: ClientOf<Contract>;

function start(secretBox?: SecretBox) {
  services = createHostServices({ dataDir, host: 'web', sandboxWarm: [], secretBox });
  api = createClient(contract, createInMemoryTransport(services.dispatcher, services.hub));
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-identity-'));
  dataDir = path.join(dir, 'data');
  start();
});

afterEach(async () => {
  await services.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const identityFile = () => path.join(dataDir, 'identity.json');

describe('identity', () => {
  it('is made on first use, kept in a 0600 file written atomically, and the same after a restart', async () => {
    const me = await api.identity.get();
    expect(me.publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(me.fingerprint).toBe(keyFingerprint(me.publicKey));
    expect(me.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(statSync(identityFile()).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir).filter((f) => f.includes('.tmp'))).toEqual([]);

    await services.dispose();
    start();
    expect(await api.identity.get()).toEqual(me);
  });

  it('name and colour change, persist, and are validated', async () => {
    const updated = await api.identity.update({ name: 'Ada Lovelace', color: '#123abc' });
    expect(updated).toMatchObject({ name: 'Ada Lovelace', color: '#123abc' });
    await services.dispose();
    start();
    expect(await api.identity.get()).toMatchObject({ name: 'Ada Lovelace', color: '#123abc' });
    expect(statSync(identityFile()).mode & 0o777).toBe(0o600);
    for (const bad of [{ name: '' }, { name: 'x'.repeat(61) }, { name: 'a\u0007b' }, { color: 'red' }]) {
      const error = await api.identity.update(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HostError);
      expect((error as HostError).code).toBe(ErrorCode.InvalidArgument);
    }
  });

  it('a file made readable by others is tightened back to 0600 when read', async () => {
    const me = await api.identity.get();
    await services.dispose();
    chmodSync(identityFile(), 0o644);
    start();
    expect((await api.identity.get()).publicKey).toBe(me.publicKey);
    expect(statSync(identityFile()).mode & 0o777).toBe(0o600);
  });

  it('with a secret box the file never holds the key in the clear', async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await services.dispose();
    // A box that really transforms the bytes, as safeStorage would; the plain key must not be in the file.
    const box: SecretBox = { kind: 'test-box', available: () => true, encrypt: (b) => b.map((x) => x ^ 0x5a), decrypt: (b) => b.map((x) => x ^ 0x5a) };
    start(box);
    const me = await api.identity.get();
    const stored = JSON.parse(readFileSync(identityFile(), 'utf8')) as { secretKind: string; secret: string };
    expect(stored.secretKind).toBe('test-box');
    const plain = new Uint8Array(Buffer.from(stored.secret, 'base64')).map((x) => x ^ 0x5a);
    expect((await signerFromSecretKey(plain)).publicKey).toBe(me.publicKey);
    expect(readFileSync(identityFile(), 'utf8')).not.toContain(Buffer.from(plain).toString('hex'));
    await services.dispose();
    start(box);
    expect((await api.identity.get()).publicKey).toBe(me.publicKey);
  });

  it('signs a handshake transcript naming its own key, never one naming another key as us', async () => {
    const me = await api.identity.get();
    const peer = await signerFromSecretKey(await newSecretKey());
    const transcript: HandshakeTranscript = {
      roomId: 'room-1234',
      offerer: { publicKey: me.publicKey, nonce: newHandshakeNonce(), fingerprints: ['sha-256 AA:BB'] },
      answerer: { publicKey: peer.publicKey, nonce: newHandshakeNonce(), fingerprints: ['sha-256 CC:DD'] },
    };
    const { sig } = await api.identity.signHandshake({ transcript, side: 'offerer' });
    expect(await verifySignature(me.publicKey, SigningDomain.handshake, handshakePayload(transcript, 'offerer'), sig)).toBe(true);
    const error = await api.identity.signHandshake({ transcript, side: 'answerer' }).catch((e: unknown) => e);
    expect((error as HostError).code).toBe(ErrorCode.InvalidArgument);
    // Arbitrary bytes are not a transcript: the schema refuses them.
    const raw = await api.identity.signHandshake({ transcript: 'sign me' as unknown as HandshakeTranscript, side: 'offerer' }).catch((e: unknown) => e);
    expect((raw as HostError).code).toBe(ErrorCode.InvalidArgument);
  });

  it('signs membership entries a peer accepts', async () => {
    const me = await api.identity.get();
    const roomId = roomIdFor(me.publicKey, newRoomSalt());
    const peer = await signerFromSecretKey(await newSecretKey());
    const now = Date.now();
    const entry = await api.identity.signMembershipEntry({ type: 'grant', roomId, subject: peer.publicKey, role: 'editor', issuedAt: now, expiresAt: now + 60_000 });
    expect(entry.issuer).toBe(me.publicKey);
    expect(await checkEntry(entry, roomId, now)).toMatchObject({ ok: true });
  });

  it('signs chat messages a peer accepts, by this key only, and refuses a bad one', async () => {
    const me = await api.identity.get();
    const roomId = roomIdFor(me.publicKey, newRoomSalt());
    const message = await api.identity.signChatMessage({ roomId, name: 'Ada', color: '#123abc', text: 'hello' });
    expect(message).toMatchObject({ author: me.publicKey, name: 'Ada', text: 'hello', roomId });
    expect(await checkChatMessage(message, roomId, Date.now())).toMatchObject({ ok: true });
    // Another room, or the text changed after signing: not valid.
    expect(await checkChatMessage(message, roomIdFor(me.publicKey, newRoomSalt()), Date.now())).toEqual({ ok: false, problem: 'foreign-room' });
    expect(await checkChatMessage({ ...message, text: 'changed' }, roomId, Date.now())).toEqual({ ok: false, problem: 'bad-signature' });
    // Over the length cap, or a name with a control character: refused before anything is signed.
    for (const bad of [{ text: 'x'.repeat(2001) }, { name: 'Ada\u0007' }, { author: me.publicKey }]) {
      const error = await api.identity.signChatMessage({ roomId, name: 'Ada', color: '#123abc', text: 'hi', ...bad } as never).catch((e: unknown) => e);
      expect((error as HostError).code).toBe(ErrorCode.InvalidArgument);
    }
  });

  it('an unreadable identity file is kept aside and a new identity made', async () => {
    await api.identity.get();
    await services.dispose();
    writeFileSync(identityFile(), '{ not json', { mode: 0o600 });
    start();
    const fresh = await api.identity.get();
    expect(fresh.publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(dataDir).some((f) => f.startsWith('identity.json.unreadable-'))).toBe(true);
  });
});
