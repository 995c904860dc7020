import { describe, expect, it } from 'vitest';
import { newTestRoom, ownerGrants, roomSigner } from '../collab/room-signer';
import { memberConfig, peerFixture } from '../collab/transport-peers';

// A peer's sync step 1 comes right behind the membership entries it sends on connecting, and the
// receiver checks entries asynchronously (signatures). A step 1 read before the entries that admit
// its sender were merged was refused and never answered, so that peer never got the receiver's
// document (in hostile-peers.test.ts a viewer's edit then never reached the friend that had to
// drop it: 3 runs in 120 under load). Over real WebRTC between Node processes (@roamhq/wrtc); run
// in a loopback-only network namespace (npm test does).

const { signalUrl, start } = peerFixture();
const SECRET = 'grant-order-secret-0123456789abc';
const DAY = 24 * 60 * 60_000;

describe('membership entries and the sync that follows them', { timeout: 240_000 }, () => {
  it('a member admitted by an admin while the owner was away gets the owner’s document on meeting it', async () => {
    const room = await newTestRoom();
    const adminId = await roomSigner();
    const memberId = await roomSigner();
    const [adminGrant] = await ownerGrants(room, [{ key: adminId.publicKey, role: 'admin' }]);
    const now = Date.now();
    const memberGrant = await adminId.signEntry({ type: 'grant', roomId: room.roomId, subject: memberId.publicKey, role: 'editor', issuedAt: now, expiresAt: now + DAY });
    // The owner knows its admin, not the grant the admin gave; the member brings it along.
    const owner = await start(memberConfig(room, signalUrl(), SECRET, 'Owner', { owner: true, entries: [adminGrant!] }));
    owner.send({ cmd: 'paste', insert: 'owner text\n', at: 0 });
    const member = await start(memberConfig(room, signalUrl(), SECRET, 'Member', { secretKeyHex: memberId.secretKeyHex, entries: [adminGrant!, memberGrant] }));
    await owner.waitFor((s) => s.members.some((m) => m.key === member.key && m.role === 'editor'), 'the member, an editor by the admin’s grant', 90_000);
    await member.waitFor((s) => s.length === 'owner text\n'.length, 'the owner’s document');
    expect(await member.text()).toBe('owner text\n');
    expect(owner.state.stats.refusedMessages).toBe(0);
  });
});
