// Stock y-webrtc clients (real WebRTC through @roamhq/wrtc, each in its own process) find each
// other through our server and sync a Y.Text both ways.
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startSignalServer, type SignalServer } from '../../../signal';
import { startYjsPeer, type YjsPeer } from './yjs-peers';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function server(token?: string): Promise<SignalServer> {
  const s = await startSignalServer({ host: '127.0.0.1', port: 0, token });
  cleanup.push(() => s.close());
  return s;
}

async function peer(url: string, room: string, password: string): Promise<YjsPeer> {
  const p = await startYjsPeer(url, room, password);
  cleanup.push(() => p.stop());
  return p;
}

describe('stock y-webrtc clients through our server', () => {
  it('two providers connect over WebRTC and sync a Y.Text both ways', async () => {
    const s = await server();
    const room = `room-${randomUUID()}`;
    const a = await peer(s.url, room, 'secret-1');
    const b = await peer(s.url, room, 'secret-1');
    await a.waitFor((p) => p.webrtcPeers.includes(b.peerId), 30_000, 'a sees b over webrtc');
    await b.waitFor((p) => p.webrtcPeers.includes(a.peerId), 30_000, 'b sees a over webrtc');

    a.insert(0, 'hello from a');
    await b.waitFor((p) => p.text === 'hello from a', 20_000, 'b gets a edit');
    b.insert(0, 'b says: ');
    await a.waitFor((p) => p.text === 'b says: hello from a', 20_000, 'a gets b edit');
    expect(s.metrics.registry.getSingleMetric('signal_messages_in_total')).toBeDefined();
    const relayed = (await s.metrics.messagesIn.get()).values.find((v) => v.labels.type === 'publish')?.value ?? 0;
    expect(relayed).toBeGreaterThan(0);
  });

  it('works with a token in the signalling URL', async () => {
    const s = await server('a-long-enough-token');
    const room = `room-${randomUUID()}`;
    const a = await peer(`${s.url}/?token=a-long-enough-token`, room, 'pw');
    const b = await peer(`${s.url}/?token=a-long-enough-token`, room, 'pw');
    a.insert(0, 'x');
    await b.waitFor((p) => p.text === 'x', 30_000, 'b gets x');
  });

  it('peers with different passwords do not sync (the server relays only sealed messages)', async () => {
    const s = await server();
    const room = `room-${randomUUID()}`;
    const a = await peer(s.url, room, 'right');
    const b = await peer(s.url, room, 'wrong');
    a.insert(0, 'private');
    // Both announce through the server; neither can decrypt the other's signals.
    const publishes = async () => (await s.metrics.messagesIn.get()).values.find((v) => v.labels.type === 'publish')?.value ?? 0;
    await expect.poll(publishes, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(b.text).toBe('');
    expect(a.webrtcPeers).toEqual([]);
  });
});
