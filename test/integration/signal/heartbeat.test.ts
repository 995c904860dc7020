// Heartbeats: a peer that stops answering ws pings is dropped and its topics are freed;
// a live one stays.
import { describe, expect, it } from 'vitest';
import { onCleanup, server as startServer } from './fixtures';
import { connect, roundTrip } from './ws-client';

// Long enough that a busy CI machine still gets the live client's pong in between two pings
// (client and server share this process's event loop).
const HEARTBEAT_MS = 400;
const server = () => startServer({ limits: { heartbeatMs: HEARTBEAT_MS } });

describe('heartbeat', () => {
  it('drops a peer that does not answer pings and frees its topics', async () => {
    const s = await server();
    // autoPong: false makes this client a dead peer whose TCP connection is still open.
    const dead = await connect(s.url, { autoPong: false });
    const live = await connect(s.url);
    onCleanup(() => live.close());
    dead.send({ type: 'subscribe', topics: ['dead-room'] });
    live.send({ type: 'subscribe', topics: ['live-room'] });
    await Promise.all([roundTrip(dead), roundTrip(live)]);
    expect(s.stats()).toEqual({ connections: 2, topics: 2 });

    const closed = await dead.closed;
    expect(closed.code).toBe(1006); // terminated, no close frame: the peer is presumed gone
    await expect.poll(() => s.stats(), { timeout: 10_000 }).toEqual({ connections: 1, topics: 1 });
    const byHeartbeat = (await s.metrics.closedByServer.get()).values.find((v) => v.labels.reason === 'heartbeat')?.value;
    expect(byHeartbeat).toBe(1);

    // The live peer has answered several rounds of pings by now and still works.
    await new Promise((r) => setTimeout(r, 3 * HEARTBEAT_MS));
    expect(live.ws.readyState).toBe(live.ws.OPEN);
    await roundTrip(live);
  });
});
