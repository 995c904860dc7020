import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSecretKey, signerFromSecretKey } from '../../common/identity';
import { MembershipLog, newRoomSalt, roomIdFor, signEntry } from '../../common/membership';
import { MembershipStore } from './membership-store';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cc-membership-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('MembershipStore (a real SQLite file)', () => {
  it('keeps a room and its log across reopening; entries are a union; a loaded log gives the same roles', async () => {
    const owner = await signerFromSecretKey(await newSecretKey());
    const alice = await signerFromSecretKey(await newSecretKey());
    const salt = newRoomSalt();
    const roomId = roomIdFor(owner.publicKey, salt);
    const now = Date.now();
    const grant = await signEntry(owner, { type: 'grant', roomId, subject: alice.publicKey, role: 'editor', issuedAt: now, expiresAt: now + 3_600_000 });
    const demote = await signEntry(owner, { type: 'revoke', roomId, subject: alice.publicKey, role: 'editor', issuedAt: now + 1 });

    const file = path.join(dir, 'rooms.db');
    const store = new MembershipStore(file);
    store.saveRoom({ roomId, ownerKey: owner.publicKey, salt, createdAt: now });
    expect(store.addEntries(roomId, [grant, grant])).toBe(1);
    store.close();

    const reopened = new MembershipStore(file);
    expect(reopened.room(roomId)).toEqual({ roomId, ownerKey: owner.publicKey, salt, createdAt: now });
    expect(reopened.addEntries(roomId, [grant, demote])).toBe(1);
    const log = new MembershipLog(roomId, owner.publicKey);
    for (const entry of reopened.entries(roomId)) expect((await log.add(entry, now + 10)).kind).toBe('added');
    expect(log.roleOf(alice.publicKey, now + 10)).toBeNull();
    expect(reopened.entries(roomId)).toHaveLength(2);
    reopened.close();
  });
});
