import { describe, expect, it } from 'vitest';
import { newSecretKey, signerFromSecretKey, type DomainSigner } from './identity';
import { entryId, isRoomOwner, keptIssuers, MAX_PENDING_ENTRIES, MembershipLog, membershipView, newRoomSalt, roomIdFor, signEntry, type AddResult, type MembershipEntry } from './membership';
import { prng } from './prng';

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;

async function person(): Promise<DomainSigner> {
  return signerFromSecretKey(await newSecretKey());
}

async function room() {
  const owner = await person();
  const salt = newRoomSalt();
  return { owner, salt, roomId: roomIdFor(owner.publicKey, salt) };
}

function grant(signer: DomainSigner, roomId: string, subject: DomainSigner, role: 'admin' | 'editor' | 'viewer' | 'interviewer' | 'candidate', issuedAt = NOW - HOUR, expiresAt = NOW + HOUR) {
  return signEntry(signer, { type: 'grant', roomId, subject: subject.publicKey, role, issuedAt, expiresAt });
}

function revoke(signer: DomainSigner, roomId: string, subject: DomainSigner, role: 'admin' | 'editor' | 'viewer' | 'all', issuedAt = NOW - HOUR / 2) {
  return signEntry(signer, { type: 'revoke', roomId, subject: subject.publicKey, role, issuedAt });
}

/** What adding did, in one word: the problem of a refused entry, or the kind of result. */
const outcome = (result: AddResult) => (result.kind === 'refused' ? result.problem : result.kind);

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('room id', () => {
  it('names the owner key: the same key and salt give it, another key does not', async () => {
    const { owner, salt, roomId } = await room();
    const other = await person();
    expect(roomId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(isRoomOwner(roomId, owner.publicKey, salt)).toBe(true);
    expect(isRoomOwner(roomId, other.publicKey, salt)).toBe(false);
    expect(isRoomOwner(roomId, owner.publicKey, newRoomSalt())).toBe(false);
  });
});

describe('membership entries a peer refuses', () => {
  it('a bad signature, a foreign room, a malformed entry and one from the future', async () => {
    const { owner, roomId } = await room();
    const other = await room();
    const alice = await person();
    const log = new MembershipLog(roomId, owner.publicKey);
    const good = await grant(owner, roomId, alice, 'editor');
    expect(outcome(await log.add(good, NOW))).toBe('added');
    expect(outcome(await log.add(good, NOW))).toBe('known');
    expect(outcome(await log.add({ ...good, role: 'admin' }, NOW))).toBe('bad-signature');
    expect(outcome(await log.add(await grant(other.owner, other.roomId, alice, 'editor'), NOW))).toBe('foreign-room');
    expect(outcome(await log.add({ ...good, roomId: other.roomId }, NOW))).toBe('foreign-room');
    expect(outcome(await log.add({ ...good, extra: 1 }, NOW))).toBe('malformed');
    expect(outcome(await log.add(await grant(owner, roomId, alice, 'viewer', NOW + 2 * HOUR, NOW + 3 * HOUR), NOW))).toBe('from-the-future');
    expect(log.list()).toHaveLength(1);
    expect(log.roleOf(alice.publicKey, NOW)).toBe('editor');
  });

  it('an expired grant, an admin escalating, a grant from a non-admin, a revoked admin (all of its grants)', async () => {
    const { owner, roomId } = await room();
    const [admin, mallory, bob, carol, dave] = await Promise.all([person(), person(), person(), person(), person()]);
    const entries = [
      await grant(owner, roomId, admin, 'admin'),
      await grant(owner, roomId, mallory, 'admin', NOW - 3 * HOUR),
      await grant(owner, roomId, bob, 'editor', NOW - 3 * HOUR, NOW - HOUR), // expired
      await grant(admin, roomId, carol, 'admin'), // escalation
      await grant(admin, roomId, carol, 'viewer'),
      await grant(bob, roomId, dave, 'editor'), // bob is no admin
      await grant(mallory, roomId, dave, 'editor', NOW - 2 * HOUR), // before mallory's revocation, still void
      await revoke(owner, roomId, mallory, 'admin'),
      await revoke(admin, roomId, owner, 'all'), // about the owner
    ];
    const view = membershipView(owner.publicKey, entries, NOW);
    expect(Object.fromEntries(view.roles)).toEqual({ [owner.publicKey]: 'owner', [admin.publicKey]: 'admin', [carol.publicKey]: 'viewer' });
    const reasons = entries.map((e) => view.ignored.get(entryId(e)) ?? null);
    expect(reasons).toEqual([null, 'revoked', 'expired', 'role-escalation', null, 'issuer-not-admin', 'issuer-not-admin', null, 'about-the-owner']);
  });

  it('an admin cannot revoke another admin; a demotion voids earlier grants of that role; a ban is for good', async () => {
    const { owner, roomId } = await room();
    const [a1, a2, bob] = await Promise.all([person(), person(), person()]);
    const entries = [
      await grant(owner, roomId, a1, 'admin'),
      await grant(owner, roomId, a2, 'admin'),
      await revoke(a1, roomId, a2, 'all'),
      await grant(owner, roomId, bob, 'admin', NOW - 2 * HOUR),
      await revoke(owner, roomId, bob, 'admin', NOW - HOUR),
      await grant(owner, roomId, bob, 'editor', NOW - HOUR / 2),
    ];
    const view = membershipView(owner.publicKey, entries, NOW);
    expect(view.roles.get(a2.publicKey)).toBe('admin');
    expect(view.roles.get(bob.publicKey)).toBe('editor');
    const banned = membershipView(owner.publicKey, [...entries, await revoke(owner, roomId, bob, 'all', NOW - 2 * HOUR), await grant(owner, roomId, bob, 'viewer', NOW)], NOW);
    expect(banned.roles.has(bob.publicKey)).toBe(false);
  });
});

describe('every peer computes the same roles, whatever the order of delivery (seeded)', () => {
  it('concurrent admin actions, revocations and refusals over 40 seeds and 5 peers each', async () => {
    const { owner, roomId } = await room();
    const [a1, a2, m1, m2, m3, m4] = await Promise.all([person(), person(), person(), person(), person(), person()]);
    const foreign = await room();
    const entries: unknown[] = [
      await grant(owner, roomId, a1, 'admin'),
      await grant(owner, roomId, a2, 'admin'),
      // Concurrent: a1 gives m1 editor and then revokes it, while a2 gives m1 viewer (void below).
      await grant(a1, roomId, m1, 'editor', NOW - HOUR),
      await revoke(a1, roomId, m1, 'editor', NOW - HOUR / 2),
      await grant(a2, roomId, m1, 'viewer', NOW - HOUR / 2),
      // a2 grants m2 editor; the owner then revokes a2 as admin: m2's and m1's grants go with it.
      await grant(a2, roomId, m2, 'editor'),
      await revoke(owner, roomId, a2, 'admin', NOW - HOUR / 4),
      // a1 bans m3 while the owner grants m3 editor: the ban wins.
      await grant(owner, roomId, m3, 'editor'),
      await revoke(a1, roomId, m3, 'all'),
      // Refused: escalation, foreign room, tampered signature.
      await grant(a1, roomId, m4, 'admin'),
      await grant(foreign.owner, foreign.roomId, m4, 'editor'),
      { ...((await grant(owner, roomId, m4, 'viewer')) as MembershipEntry), role: 'admin' },
      await grant(owner, roomId, m4, 'interviewer'),
    ];
    const expected = { [owner.publicKey]: 'owner', [a1.publicKey]: 'admin', [m4.publicKey]: 'interviewer' };

    for (let seed = 1; seed <= 40; seed++) {
      const random = prng(seed);
      const peers = Array.from({ length: 5 }, () => new MembershipLog(roomId, owner.publicKey));
      // Each peer hears the entries in its own order, some twice; then peers merge pairwise at random.
      for (const peer of peers) {
        for (const entry of shuffled(entries, random)) await peer.add(entry, NOW);
        for (const entry of entries.filter(() => random() < 0.3)) await peer.add(entry, NOW);
      }
      for (let round = 0; round < 5; round++) {
        const [x, y] = [peers[Math.floor(random() * 5)]!, peers[Math.floor(random() * 5)]!];
        for (const entry of shuffled(y.list(), random)) await x.add(entry, NOW);
      }
      for (const peer of peers) {
        expect(Object.fromEntries(peer.view(NOW).roles), `seed ${seed}`).toEqual(expected);
        expect(peer.list()).toHaveLength(entries.length - 2);
      }
    }
  }, 120_000);
});

describe('what a log keeps', () => {
  it("holds aside a stranger's well-signed entries: not listed, and the roles stay as they were", async () => {
    const { owner, roomId } = await room();
    const [alice, stranger] = await Promise.all([person(), person()]);
    const log = new MembershipLog(roomId, owner.publicKey);
    await log.add(await grant(owner, roomId, alice, 'editor'), NOW);
    // Anyone with the invite secret can sign these; a log that kept them would store and pass them on.
    const made = [await grant(stranger, roomId, stranger, 'admin'), await revoke(stranger, roomId, alice, 'all'), await grant(stranger, roomId, alice, 'viewer')];
    for (const entry of made) expect(outcome(await log.add(entry, NOW))).toBe('pending');
    expect(outcome(await log.add(made[0], NOW))).toBe('known');
    expect(log.list()).toHaveLength(1);
    expect(log.pendingCount()).toBe(3);
    expect(Object.fromEntries(log.view(NOW).roles)).toEqual({ [owner.publicKey]: 'owner', [alice.publicKey]: 'editor' });
    // Checked all the same: a bad signature is refused, not held.
    expect(outcome(await log.add({ ...made[2]!, role: 'editor' }, NOW))).toBe('bad-signature');
  });

  it("an admin's entries that come before the owner's grant join the log with it, and stay after the admin is revoked", async () => {
    const { owner, roomId } = await room();
    const [admin, bob, carol] = await Promise.all([person(), person(), person()]);
    const log = new MembershipLog(roomId, owner.publicKey);
    const early = [await grant(admin, roomId, bob, 'editor'), await grant(admin, roomId, carol, 'viewer')];
    for (const entry of early) expect(outcome(await log.add(entry, NOW))).toBe('pending');
    const adminGrant = await grant(owner, roomId, admin, 'admin');
    const result = await log.add(adminGrant, NOW);
    expect(result).toEqual({ kind: 'added', entries: [adminGrant, ...early] });
    expect(log.pendingCount()).toBe(0);
    expect(log.roleOf(bob.publicKey, NOW)).toBe('editor');
    // Once an admin, its later entries are kept even after a revocation, and give nothing.
    await log.add(await revoke(owner, roomId, admin, 'admin'), NOW);
    expect(outcome(await log.add(await grant(admin, roomId, carol, 'editor', NOW - HOUR / 4), NOW))).toBe('added');
    expect(log.roleOf(carol.publicKey, NOW)).toBeNull();
    expect([...keptIssuers(owner.publicKey, log.list())].sort()).toEqual([owner.publicKey, admin.publicKey].sort());
  });

  it('holds at most MAX_PENDING_ENTRIES aside, dropping the oldest first', async () => {
    const { owner, roomId } = await room();
    const [admin, stranger, bob] = await Promise.all([person(), person(), person()]);
    const log = new MembershipLog(roomId, owner.publicKey);
    const oldest = await grant(admin, roomId, bob, 'editor');
    await log.add(oldest, NOW);
    for (let i = 0; i < MAX_PENDING_ENTRIES; i++) await log.add(await grant(stranger, roomId, bob, 'viewer', NOW - HOUR - i), NOW);
    expect(log.pendingCount()).toBe(MAX_PENDING_ENTRIES);
    // The admin's entry was the oldest held: dropped, it does not come back with the grant.
    const result = await log.add(await grant(owner, roomId, admin, 'admin'), NOW);
    expect(result.kind === 'added' && result.entries).toHaveLength(1);
    expect(log.list()).toHaveLength(1);
    // Sent again now that its issuer is an admin, it is kept.
    expect(outcome(await log.add(oldest, NOW))).toBe('added');
  }, 60_000);

  it('does not verify again a stranger entry it held aside lately, even one dropped since', async () => {
    const { owner, roomId } = await room();
    const [stranger, bob] = await Promise.all([person(), person()]);
    const log = new MembershipLog(roomId, owner.publicKey);
    const entries = await Promise.all(Array.from({ length: MAX_PENDING_ENTRIES + 1 }, (_, i) => grant(stranger, roomId, bob, 'viewer', NOW - HOUR - i)));
    for (const entry of entries) await log.add(entry, NOW);
    // Another signature is another entry, checked (and refused here). The first entry itself,
    // dropped from what is held, is not checked again: a cycle of entries costs no verifications.
    expect(outcome(await log.add({ ...entries[0]!, sig: entries[1]!.sig }, NOW))).toBe('bad-signature');
    expect(outcome(await log.add(entries[0], NOW))).toBe('pending');
    expect(outcome(await log.add(entries[1], NOW))).toBe('known');
    expect(log.pendingCount()).toBe(MAX_PENDING_ENTRIES);
  }, 60_000);
});
