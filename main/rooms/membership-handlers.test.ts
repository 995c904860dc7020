import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSecretKey, signerFromSecretKey } from '../../common/identity';
import { newRoomSalt, roomIdFor, signEntry } from '../../common/membership';
import { createMembershipHandlers } from './membership-handlers';

let dir: string;
const ctx = { origin: 'test' };

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cc-membership-handlers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('membership.save / membership.load (a real SQLite file)', () => {
  it('keeps only entries that check out for the room, and only for the room its owner key makes', async () => {
    const owner = await signerFromSecretKey(await newSecretKey());
    const bob = await signerFromSecretKey(await newSecretKey());
    const salt = newRoomSalt();
    const roomId = roomIdFor(owner.publicKey, salt);
    const now = Date.now();
    const grant = await signEntry(owner, { type: 'grant', roomId, subject: bob.publicKey, role: 'editor', issuedAt: now, expiresAt: now + 60_000 });
    const foreign = await signEntry(owner, { type: 'grant', roomId: 'SomeOtherRoom000000000', subject: bob.publicKey, role: 'editor', issuedAt: now, expiresAt: now + 60_000 });
    const tampered = { ...grant, role: 'admin' };

    const first = createMembershipHandlers(dir);
    await expect(first.impl.save({ roomId, ownerKey: bob.publicKey, salt, entries: [grant] }, ctx)).rejects.toThrow(/owner key/);
    expect(await first.impl.save({ roomId, ownerKey: owner.publicKey, salt, entries: [grant, foreign, tampered, grant] }, ctx)).toEqual({ added: 1 });
    first.dispose();

    const again = createMembershipHandlers(dir);
    expect((await again.impl.load({ roomId }, ctx)).entries).toEqual([grant]);
    expect((await again.impl.load({ roomId: 'NeverSeenRoom000000000' }, ctx)).entries).toEqual([]);
    again.dispose();
  });

  it("keeps a stranger's well-signed entries out of the file, and an admin's only beside the owner's grant", async () => {
    const owner = await signerFromSecretKey(await newSecretKey());
    const [admin, stranger, bob] = await Promise.all([newSecretKey(), newSecretKey(), newSecretKey()].map(async (key) => signerFromSecretKey(await key)));
    const salt = newRoomSalt();
    const roomId = roomIdFor(owner.publicKey, salt);
    const now = Date.now();
    const entry = (signer: typeof owner, subject: string, role: 'admin' | 'editor') => signEntry(signer, { type: 'grant', roomId, subject, role, issuedAt: now, expiresAt: now + 60_000 });
    const fromStranger = await entry(stranger, stranger.publicKey, 'admin');
    const fromAdmin = await entry(admin, bob.publicKey, 'editor');
    const adminGrant = await entry(owner, admin.publicKey, 'admin');

    const handlers = createMembershipHandlers(dir);
    // Before the owner's grant is saved, the admin's entry is a stranger's too.
    expect(await handlers.impl.save({ roomId, ownerKey: owner.publicKey, salt, entries: [fromStranger, fromAdmin] }, ctx)).toEqual({ added: 0 });
    // With it, in the same call and after it, the admin's entry is kept; the stranger's never is.
    expect(await handlers.impl.save({ roomId, ownerKey: owner.publicKey, salt, entries: [fromAdmin, fromStranger, adminGrant] }, ctx)).toEqual({ added: 2 });
    expect(await handlers.impl.save({ roomId, ownerKey: owner.publicKey, salt, entries: [fromStranger] }, ctx)).toEqual({ added: 0 });
    expect((await handlers.impl.load({ roomId }, ctx)).entries).toHaveLength(2);
    expect((await handlers.impl.load({ roomId }, ctx)).entries).not.toContainEqual(fromStranger);
    handlers.dispose();
  });
});
