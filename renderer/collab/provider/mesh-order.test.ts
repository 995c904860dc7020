import { describe, expect, it } from 'vitest';
import { Mesh } from './mesh';
import { openJson } from './signal-crypto';

// The signalling messages a mesh sends leave in the order they were made: an offer is never
// overtaken by its ICE candidates. Each is sealed with WebCrypto, whose operations may finish out
// of order (a large SDP takes longer than a small candidate); the receiving side already opens
// them one after another, so the order that counts is the one they are published in.

function mesh(): Mesh {
  return new Mesh({
    roomId: 'room-order-test',
    secret: 'a room secret for the order test',
    signalUrl: 'ws://127.0.0.1:9/', // never started: messages are taken where the mesh hands them to the client
    iceServers: [],
    PeerConnection: class {} as unknown as typeof RTCPeerConnection,
    identity: {} as never,
    clientIds: () => [],
    onVerified: () => {},
    onMessage: () => {},
    onLinkClosed: () => {},
  });
}

describe('Mesh signalling order', () => {
  it('publishes sealed messages in the order they were made, whatever each takes to seal', async () => {
    const m = mesh();
    await m.ready;
    const published: string[] = [];
    m.signalling.publish = (_topic: string, data: unknown) => void published.push(data as string);
    const publish = (m as unknown as { publish(message: Record<string, unknown>): Promise<void> }).publish.bind(m);
    // A large offer, then small candidates behind it, three times over.
    const sent: number[] = [];
    const pending: Promise<void>[] = [];
    for (let i = 0; i < 63; i++) {
      sent.push(i);
      const body = i % 21 === 0 ? 'v=0 '.repeat(500_000) : 'candidate';
      pending.push(publish({ type: 'signal', from: 'a', to: 'b', seq: i, body }));
    }
    await Promise.all(pending);
    const key = await (m as unknown as { key: Promise<CryptoKey> }).key;
    const order: number[] = [];
    for (const sealed of published) order.push(((await openJson(sealed, key)) as { seq: number }).seq);
    expect(order).toEqual(sent);
    m.dispose();
  });
});
