import { describe, expect, it } from 'vitest';
import { Emitter } from '../../common/event';
import { newSecretKey, signerFromSecretKey, type DomainSigner } from '../../common/identity';
import { MembershipLog, newRoomSalt, roomIdFor, signEntry, type EntryFields, type GrantableRole } from '../../common/membership';
import { RoomRoles } from '../collab/provider/roles';
import { PadLock, type LockableRoom } from './pad-lock';

// The pad lock's decisions over a real, signed membership log (common/membership.ts) and the
// provider's own role rules (collab/provider/roles.ts); the transport is tested over real WebRTC
// in test/integration/trust/interview-lock.test.ts and test/e2e/interview-lock.spec.ts.

const DAY = 24 * 3_600_000;

async function person(): Promise<DomainSigner> {
  return signerFromSecretKey(await newSecretKey());
}

/** A room as the provider holds it, signing as `self`, with a clock the test moves (or not). */
async function testRoom(options: { selfIsOwner?: boolean } = {}) {
  const owner = await person();
  const self = options.selfIsOwner === false ? await person() : owner;
  const roomId = roomIdFor(owner.publicKey, newRoomSalt());
  const clock = { t: 1_800_000_000_000 };
  const log = new MembershipLog(roomId, owner.publicKey);
  const roles = new RoomRoles(log, () => clock.t);
  const changed = new Emitter<void>();
  const dropped = new Emitter<string>();
  const names = new Map<string, string>();
  const add = async (fields: EntryFields, signer = owner) => {
    expect((await log.add(await signEntry(signer, fields), clock.t)).kind).toBe('added');
  };
  const room: LockableRoom = {
    selfKey: self.publicKey,
    isOwner: self === owner,
    roles,
    log,
    async issue(...fields) {
      const entries = await Promise.all(fields.map((f) => signEntry(self, f)));
      for (const e of entries) await log.add(e, clock.t);
      roles.invalidate();
      changed.fire();
      return entries;
    },
    grantFields: (key, role) => ({ type: 'grant', roomId, subject: key, role, issuedAt: clock.t, expiresAt: clock.t + DAY }),
    revokeFields: (key, role) => ({ type: 'revoke', roomId, subject: key, role, issuedAt: clock.t }),
    peers: () => [...names].map(([key, name]) => ({ key, name, fingerprint: key.slice(0, 8) })),
    onDidChange: changed.event,
    onDidDropUpdate: dropped.event,
  };
  /** A member the owner admits (as the door does), connected under `name`. */
  const admit = async (role: GrantableRole, name: string) => {
    const member = await person();
    await add({ type: 'grant', roomId, subject: member.publicKey, role, issuedAt: clock.t, expiresAt: clock.t + DAY });
    names.set(member.publicKey, name);
    roles.invalidate();
    changed.fire();
    return member.publicKey;
  };
  return { room, roles, log, clock, admit, add, roomId, owner, drop: (key: string) => dropped.fire(key), changed };
}

describe('PadLock', () => {
  it('makes candidates and editors viewers, leaves interviewers and admins, and gives each its role back', async () => {
    const t = await testRoom();
    const cal = await t.admit('candidate', 'Cal');
    const eve = await t.admit('editor', 'Eve');
    const ian = await t.admit('interviewer', 'Ian');
    const ada = await t.admit('admin', 'Ada');
    const lock = new PadLock(t.room, { onDropped: () => {}, onError: (e) => expect.fail(String(e)) });

    await lock.setLocked(true);
    expect([cal, eve, ian, ada].map((k) => t.roles.role(k))).toEqual(['viewer', 'viewer', 'interviewer', 'admin']);
    expect(t.roles.canWrite(cal, false)).toBe(false);
    expect(t.roles.canWrite(eve, false)).toBe(false);

    // The clock does not move between lock and unlock: the new grants still outlive the revocations.
    await lock.setLocked(false);
    expect([cal, eve, ian, ada].map((k) => t.roles.role(k))).toEqual(['candidate', 'editor', 'interviewer', 'admin']);
    expect(t.roles.canWrite(cal, false)).toBe(true);

    // And again: a second lock and unlock work on top of the first.
    t.clock.t += 1000;
    await lock.setLocked(true);
    expect(t.roles.role(cal)).toBe('viewer');
    await lock.setLocked(false);
    expect(t.roles.role(cal)).toBe('candidate');
    lock.dispose();
  });

  it('takes every writing grant a member holds, not only the highest', async () => {
    const t = await testRoom();
    const cal = await t.admit('candidate', 'Cal');
    await t.add({ type: 'grant', roomId: t.roomId, subject: cal, role: 'editor', issuedAt: t.clock.t, expiresAt: t.clock.t + DAY });
    t.roles.invalidate();
    expect(t.roles.role(cal)).toBe('editor');
    const lock = new PadLock(t.room, { onDropped: () => {}, onError: (e) => expect.fail(String(e)) });
    await lock.setLocked(true);
    expect(t.roles.role(cal)).toBe('viewer');
    await lock.setLocked(false);
    expect(t.roles.role(cal)).toBe('editor');
  });

  it('locks a member admitted while the pad is locked; a role the owner gives by hand meanwhile stands', async () => {
    const t = await testRoom();
    const cal = await t.admit('candidate', 'Cal');
    const lock = new PadLock(t.room, { onDropped: () => {}, onError: (e) => expect.fail(String(e)) });
    await lock.setLocked(true);
    const late = await t.admit('editor', 'Lee');
    await expect.poll(() => t.roles.role(late)).toBe('viewer');
    // The owner lets Cal write again by hand (the Members list's Promote): the lock leaves it so.
    t.clock.t += 1;
    await t.room.issue(t.room.grantFields(cal, 'editor'), t.room.revokeFields(cal, 'viewer'));
    expect(t.roles.role(cal)).toBe('editor');
    await new Promise((r) => setTimeout(r, 20));
    expect(t.roles.role(cal)).toBe('editor');
    await lock.setLocked(false);
    expect(t.roles.role(cal)).toBe('editor');
    expect(t.roles.role(late)).toBe('editor');
  });

  it('tells once per lock that a locked member’s edit was dropped', async () => {
    const t = await testRoom();
    const cal = await t.admit('candidate', 'Cal');
    const viewer = await t.admit('viewer', 'Vic');
    const told: string[] = [];
    const lock = new PadLock(t.room, { onDropped: (m) => told.push(m.name), onError: (e) => expect.fail(String(e)) });
    t.drop(cal);
    expect(told).toEqual([]);
    await lock.setLocked(true);
    t.drop(viewer); // a viewer's drops are not the lock's
    t.drop(cal);
    t.drop(cal);
    expect(told).toEqual(['Cal']);
    await lock.setLocked(false);
    t.drop(cal);
    await lock.setLocked(true);
    t.drop(cal);
    expect(told).toEqual(['Cal', 'Cal']);
  });

  it('does nothing where this window cannot sign the owner’s entries', async () => {
    const t = await testRoom({ selfIsOwner: false });
    const cal = await t.admit('candidate', 'Cal');
    const lock = new PadLock(t.room, { onDropped: () => {}, onError: (e) => expect.fail(String(e)) });
    await lock.setLocked(true);
    expect(t.roles.role(cal)).toBe('candidate');
    expect(t.log.list()).toHaveLength(1);
  });
});
