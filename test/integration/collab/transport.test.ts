import { describe, expect, it } from 'vitest';
import { memberConfig, peerFixture, type TransportPeer } from './transport-peers';
import { newTestRoom } from './room-signer';

// The app's transport (renderer/collab/room-connection.ts) between Node processes over real
// WebRTC and our signalling server on loopback: batching, large messages, partitions, awareness.
// Alice owns each room and lets anyone with the invite in as an editor (the open policy): these
// tests are about the transport; test/integration/trust/ is about who may do what.

const { signalUrl, start } = peerFixture();
const SECRET = 'transport-test-secret-0123456789';

async function pair(secretB = SECRET): Promise<[TransportPeer, TransportPeer]> {
  const room = await newTestRoom();
  const a = await start(memberConfig(room, signalUrl(), SECRET, 'Alice', { owner: true, admission: 'editor' }));
  const b = await start(memberConfig(room, signalUrl(), secretB, 'Bob'));
  return [a, b];
}

async function connected(a: TransportPeer, b: TransportPeer): Promise<void> {
  await a.waitFor((s) => s.peers === 1, 'a data channel');
  await b.waitFor((s) => s.peers === 1, 'a data channel');
}

describe('room transport over WebRTC', { timeout: 90_000 }, () => {
  it('batches a burst of keystrokes into few messages and the text converges', async () => {
    const [a, b] = await pair();
    await connected(a, b);
    a.send({ cmd: 'type', n: 2000 });
    await a.typed();
    await b.waitFor((s) => s.length === 2000, '2000 characters');
    expect(await b.text()).toBe(await a.text());
    // Stats travel with the next report: ask for one once the last batch has gone.
    await new Promise((r) => setTimeout(r, 100));
    await a.text();
    await a.waitFor((s) => s.stats.docUpdates === 2000, 'stats');
    // 2000 transactions went out as a handful of messages (stock y-webrtc sends one per update).
    expect(a.state.stats.docMessages).toBeGreaterThan(0);
    expect(a.state.stats.docMessages).toBeLessThan(50);
    // A lone keystroke after a pause still goes at once, in its own message.
    const before = a.state.stats.docMessages;
    a.send({ cmd: 'type', n: 1 });
    await b.waitFor((s) => s.length === 2001, 'one more character');
    await new Promise((r) => setTimeout(r, 100));
    await a.text();
    await a.waitFor((s) => s.stats.docMessages === before + 1, 'one more message');
  });

  it('carries a 1 MB paste in frames', async () => {
    const [a, b] = await pair();
    await connected(a, b);
    const big = 'x'.repeat(1024 * 1024 - 7) + 'the end';
    a.send({ cmd: 'paste', insert: big, at: 0 });
    await b.waitFor((s) => s.length === big.length, 'the whole paste', 60_000);
    expect((await b.text()).endsWith('the end')).toBe(true);
    await a.waitFor((s) => s.stats.chunkedMessages > 0, 'a framed message');
  });

  it('a peer that goes offline and edits merges on return, and is seen again', async () => {
    const [a, b] = await pair();
    await connected(a, b);
    await a.waitFor((s) => s.names.includes('Bob'), 'Bob in awareness');
    a.send({ cmd: 'paste', insert: 'shared line\n', at: 0 });
    await b.waitFor((s) => s.length === 12, 'the shared line');

    b.send({ cmd: 'offline' });
    await a.waitFor((s) => s.peers === 0, 'the channel closed');
    a.send({ cmd: 'paste', insert: 'A-online ', at: 0 });
    b.send({ cmd: 'paste', insert: ' B-offline', at: 11 });
    await new Promise((r) => setTimeout(r, 300));
    expect(await a.text()).not.toContain('B-offline');

    b.send({ cmd: 'online' });
    await connected(a, b);
    await a.waitFor((s) => s.length === 12 + 9 + 10, 'both edits at A');
    await b.waitFor((s) => s.length === 12 + 9 + 10, 'both edits at B');
    const text = await a.text();
    expect(text).toBe(await b.text());
    expect(text).toBe('A-online shared line B-offline\n');
    // Awareness recovers: each side sends its own state again when the link is back.
    await a.waitFor((s) => s.names.includes('Bob'), 'Bob back in awareness');
  });

  it('a peer with another secret never connects and receives nothing', async () => {
    const [a, b] = await pair('not-the-secret-not-the-secret-00');
    a.send({ cmd: 'paste', insert: 'private', at: 0 });
    // They meet on the signalling server: Bob's announce, sealed with his secret, fails to open at
    // Alice (who never answers, so Bob hears nothing he could fail to open).
    await a.waitFor((s) => s.stats.undecryptable > 0, 'an undecryptable announce');
    await new Promise((r) => setTimeout(r, 2000));
    expect(b.state.length).toBe(0);
    expect(b.state.peers).toBe(0);
    expect(a.state.peers).toBe(0);
    expect([...a.errors, ...b.errors]).toEqual([]);
  });
});
