import { describe, expect, it } from 'vitest';
import { newTestRoom, ownerGrants, roomSigner } from '../collab/room-signer';
import { memberConfig, peerFixture, type TransportPeer } from '../collab/transport-peers';

// Issue 9, the interview pad lock at every honest peer, over real WebRTC between Node processes
// (@roamhq/wrtc) running the app's provider and the interviewer's clock and pad lock
// (renderer/interview/timer-sync.ts, pad-lock.ts). The candidate is a modified client: it sends
// its edits whatever its role. When the clock runs out the interviewer (the room's owner) makes it
// a viewer in the signed membership log; the owner, a second interviewer and a peer that joins
// only after the lock all drop its edits. Unlocked, its edits count again.
// Run in a loopback-only network namespace (npm test does).

const { signalUrl, start, peers } = peerFixture();
const SECRET = 'interview-lock-secret-0123456789';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const roleAt = (observer: TransportPeer, key: string) => observer.state.members.find((m) => m.key === key)?.role;

describe('the interview pad lock over real WebRTC', { timeout: 240_000 }, () => {
  it('the clock runs out: every honest peer, also one that joins later, drops the candidate’s edits; unlocked, they count again', async () => {
    const room = await newTestRoom();
    const [candidateId, secondId, lateId] = await Promise.all([roomSigner(), roomSigner(), roomSigner()]);
    const entries = await ownerGrants(room, [
      { key: candidateId.publicKey, role: 'candidate' },
      { key: secondId.publicKey, role: 'interviewer' },
      { key: lateId.publicKey, role: 'interviewer' },
    ]);
    const owner = await start(memberConfig(room, signalUrl(), SECRET, 'Ivy', { owner: true, entries }));
    const second = await start(memberConfig(room, signalUrl(), SECRET, 'Ian', { secretKeyHex: secondId.secretKeyHex, entries }));
    const candidate = await start(memberConfig(room, signalUrl(), SECRET, 'Cal', { secretKeyHex: candidateId.secretKeyHex, entries, hostile: true }));
    for (const p of [owner, second, candidate]) await p.waitFor((s) => s.peers === 2, 'both other peers', 90_000);

    owner.send({ cmd: 'paste', insert: 'starter\n', at: 0 });
    await candidate.waitFor((s) => s.length === 8, 'the starter');
    candidate.send({ cmd: 'paste', insert: 'before ', at: 0 });
    await owner.waitFor((s) => s.length === 15, "the candidate's edit before the end");
    await second.waitFor((s) => s.length === 15, "the candidate's edit before the end");

    // A one-minute interview, run to its end: the clock locks the pad, and the lock is a role.
    owner.send({ cmd: 'interview-clock', n: 60_000 });
    owner.send({ cmd: 'clock-start' });
    const applied = owner.next('lock-applied');
    owner.send({ cmd: 'clock-advance', n: 61_000 });
    expect((await applied).locked).toBe(true);
    await second.waitFor(() => roleAt(second, candidate.key) === 'viewer', 'the candidate a viewer at the second interviewer');
    await candidate.waitFor((s) => s.members.find((m) => m.self)?.role === 'viewer', 'the candidate learns it is a viewer');
    expect(roleAt(owner, candidate.key)).toBe('viewer');

    const told = owner.next('lock-dropped');
    const dropped = { owner: owner.state.stats.droppedUpdates, second: second.state.stats.droppedUpdates };
    for (let i = 0; i < 4; i++) {
      candidate.send({ cmd: 'paste', insert: `LOCKED${i} `, at: 0 });
      await sleep(150);
    }
    await owner.waitFor((s) => s.stats.droppedUpdates >= dropped.owner + 4, 'the locked edits dropped at the owner');
    await second.waitFor((s) => s.stats.droppedUpdates >= dropped.second + 4, 'the locked edits dropped at the second interviewer');
    expect((await told).name).toBe('Cal');
    expect(await owner.text()).toBe('before starter\n');
    expect(await second.text()).toBe('before starter\n');

    // A peer that was not there when the pad locked learns the lock from the log, from any peer.
    const late = await start(memberConfig(room, signalUrl(), SECRET, 'Lee', { secretKeyHex: lateId.secretKeyHex, entries }));
    await late.waitFor((s) => s.peers === 3 && s.length === 15, 'the room', 90_000);
    await late.waitFor(() => roleAt(late, candidate.key) === 'viewer', 'the lock, from the log');
    candidate.send({ cmd: 'paste', insert: 'LATE ', at: 0 });
    await late.waitFor((s) => s.stats.droppedUpdates > 0, 'the locked edit dropped at the late peer');
    await sleep(1000);
    for (const p of [owner, second, late]) expect(await p.text()).toBe('before starter\n');
    // The owner was told once, for the whole lock.
    await expect(owner.next('lock-dropped', 2_000)).rejects.toThrow(/no "lock-dropped"/);

    // Unlocked: the candidate's role is back, and its copy comes in whole (its later edits build on
    // the dropped ones), at every peer.
    const unlocked = owner.next('lock-applied');
    owner.send({ cmd: 'clock-unlock' });
    expect((await unlocked).locked).toBe(false);
    for (const p of [second, late]) await p.waitFor(() => roleAt(p, candidate.key) === 'candidate', 'the candidate role back');
    candidate.send({ cmd: 'paste', insert: 'AFTER ', at: 0 });
    const final = await candidate.text();
    expect(final.startsWith('AFTER LATE LOCKED3 ')).toBe(true);
    for (const p of [owner, second, late]) await p.waitFor((s) => s.length === final.length, 'the candidate’s copy after the unlock');
    for (const p of [owner, second, late]) expect(await p.text()).toBe(final);
    for (const p of peers()) expect(p.errors, `${p.state.key.slice(0, 8)} errors`).toEqual([]);
  });
});
