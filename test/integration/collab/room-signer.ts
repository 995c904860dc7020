import { hexToBytes, bytesToHex } from '@noble/hashes/utils.js';
import { signHandshake } from '../../../common/handshake';
import { newSecretKey, signerFromSecretKey } from '../../../common/identity';
import { newRoomSalt, roomIdFor, signEntry, type GrantableRole, type MembershipEntry } from '../../../common/membership';
import type { RoomSigner } from '../../../renderer/collab/provider/room-provider';

// A room identity for Node test peers: the same signatures main's identity service makes
// (common/identity.ts), over a key held in the test process instead of main's key file.

export async function roomSigner(secretKeyHex?: string): Promise<RoomSigner & { secretKeyHex: string }> {
  const secret = secretKeyHex ? hexToBytes(secretKeyHex) : await newSecretKey();
  const signer = await signerFromSecretKey(secret);
  return {
    publicKey: signer.publicKey,
    secretKeyHex: bytesToHex(secret),
    signHandshake: (transcript, side) => signHandshake(signer, transcript, side),
    signEntry: (fields) => signEntry(signer, fields),
  };
}

export interface TestRoom {
  roomId: string;
  ownerKey: string;
  ownerSecretKeyHex: string;
  salt: string;
}

/** A room whose id names a fresh owner key (common/membership.ts roomIdFor). */
export async function newTestRoom(): Promise<TestRoom> {
  const owner = await roomSigner();
  const salt = newRoomSalt();
  return { roomId: roomIdFor(owner.publicKey, salt), ownerKey: owner.publicKey, ownerSecretKeyHex: owner.secretKeyHex, salt };
}

const DAY = 24 * 60 * 60_000;

/** Grants the room's owner signs in the test process (as main would for the owner's window), valid for a day. */
export async function ownerGrants(room: TestRoom, grants: Array<{ key: string; role: GrantableRole }>): Promise<MembershipEntry[]> {
  const owner = await roomSigner(room.ownerSecretKeyHex);
  const now = Date.now();
  return Promise.all(grants.map((g) => owner.signEntry({ type: 'grant', roomId: room.roomId, subject: g.key, role: g.role, issuedAt: now, expiresAt: now + DAY })));
}
