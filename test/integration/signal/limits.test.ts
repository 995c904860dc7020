// Caps on topics, connections and message rate: each refuses the excess and counts it.
import { describe, expect, it } from 'vitest';
import net from 'node:net';
import { client, count, server } from './fixtures';
import { connect, roundTrip } from './ws-client';


describe('limits', () => {
  it('caps topics per connection', async () => {
    const s = await server({ limits: { maxTopicsPerConnection: 3 } });
    const c = await client(s.url);
    c.send({ type: 'subscribe', topics: ['a', 'b'] });
    c.send({ type: 'subscribe', topics: ['b', 'c', 'd'] });
    await roundTrip(c);
    expect(s.stats().topics).toBe(3);
    expect(await count(s.metrics.drops, 'topic_limit')).toBe(1);
    // Freeing one makes room again.
    c.send({ type: 'unsubscribe', topics: ['a'] });
    c.send({ type: 'subscribe', topics: ['z'] });
    await roundTrip(c);
    expect(s.stats().topics).toBe(3);
  });

  it('refuses a subscribe message listing more topics than one connection may hold', async () => {
    const s = await server({ limits: { maxTopicsPerConnection: 3 } });
    const c = await client(s.url);
    c.send({ type: 'subscribe', topics: ['a', 'b', 'c', 'd'] });
    await roundTrip(c);
    expect(s.stats().topics).toBe(0);
    expect(await count(s.metrics.drops, 'shape')).toBe(1);
  });

  it('caps topics for the whole instance', async () => {
    const s = await server({ limits: { maxTopicsTotal: 4 } });
    const [a, b] = await Promise.all([client(s.url), client(s.url)]);
    a.send({ type: 'subscribe', topics: ['1', '2', '3'] });
    await roundTrip(a);
    b.send({ type: 'subscribe', topics: ['1', '4', '5'] });
    await roundTrip(b);
    expect(s.stats().topics).toBe(4);
    expect(await count(s.metrics.drops, 'topics_total')).toBe(1);
  });

  it('caps connections per address with HTTP 429', async () => {
    const s = await server({ limits: { maxConnectionsPerAddress: 2 } });
    const a = await client(s.url);
    await client(s.url);
    await expect(connect(s.url)).rejects.toThrow('HTTP 429');
    expect(await count(s.metrics.rejected, 'per_address')).toBe(1);
    await a.close();
    await expect.poll(() => s.stats().connections).toBe(1);
    await client(s.url); // a slot is free again
  });

  it('caps connections for the instance with HTTP 503', async () => {
    const s = await server({ limits: { maxConnections: 1 } });
    await client(s.url);
    await expect(connect(s.url)).rejects.toThrow('HTTP 503');
  });

  it('rate-limits each connection with a token bucket, then closes a flooder', async () => {
    const s = await server({ limits: { rateBurst: 10, ratePerSecond: 0.001, maxStrikes: 1000 } });
    const [flooder, listener] = await Promise.all([client(s.url), client(s.url)]);
    listener.send({ type: 'subscribe', topics: ['t'] });
    await roundTrip(listener);
    for (let i = 0; i < 50; i++) flooder.send({ type: 'publish', topic: 't', data: i });
    await roundTrip(listener);
    await expect.poll(() => count(s.metrics.drops, 'rate')).toBe(40);
    expect(listener.messages.filter((m) => m.type === 'publish').map((m) => m.data)).toEqual([...Array(10).keys()]);
    // The listener's own bucket is untouched by the flooder.
    listener.send({ type: 'publish', topic: 't', data: 'mine' });
    await listener.next((m) => m.data === 'mine');
  });

  it('closes a connection that keeps flooding past maxStrikes', async () => {
    const s = await server({ limits: { rateBurst: 5, ratePerSecond: 0.001, maxStrikes: 20 } });
    const c = await client(s.url);
    for (let i = 0; i < 100; i++) c.send({ type: 'ping' });
    expect(await c.closed).toEqual({ code: 1008, reason: 'too many dropped messages' });
  });

  it('gives the address slot back after a broken handshake', async () => {
    const s = await server({ limits: { maxConnectionsPerAddress: 2 } });
    for (let i = 0; i < 5; i++) {
      const socket = net.connect(s.port, '127.0.0.1');
      // No Sec-WebSocket-Key: ws answers 400 and closes.
      socket.end('GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n');
      const reply = await new Promise<string>((resolve) => {
        let text = '';
        socket.on('data', (c) => (text += c));
        socket.on('close', () => resolve(text));
      });
      expect(reply).toMatch(/^HTTP\/1\.1 400/);
    }
    await client(s.url);
    await client(s.url);
  });

  it('skips a subscriber that does not read instead of queueing for it without bound', async () => {
    const s = await server({ limits: { maxBufferedBytes: 64 * 1024, rateBurst: 10_000, ratePerSecond: 10_000 } });
    const [publisher, reader, stalled] = await Promise.all([client(s.url), client(s.url), client(s.url)]);
    reader.send({ type: 'subscribe', topics: ['t'] });
    stalled.send({ type: 'subscribe', topics: ['t'] });
    await Promise.all([roundTrip(reader), roundTrip(stalled)]);
    // Stop reading: the kernel buffers fill, then the server's send queue for this socket grows.
    (stalled.ws as unknown as { _socket: import('node:net').Socket })._socket.pause();
    const data = 'x'.repeat(50 * 1024);
    // Paced by the reader, so only the stalled socket ever falls behind, however busy the machine
    // is; 20 MB is more than the kernel buffers of the stalled socket hold.
    const total = 400;
    for (let i = 0; i < total; i++) {
      publisher.send({ type: 'publish', topic: 't', data, i });
      await expect.poll(() => reader.messages.filter((m) => m.type === 'publish').length, { timeout: 25_000, interval: 2 }).toBe(i + 1);
    }
    expect(await count(s.metrics.drops, 'backpressure')).toBeGreaterThan(0);
    stalled.ws.terminate(); // it would never read the close handshake
  });
});
