// The wire protocol as y-webrtc's bin/server.js speaks it, plus /health and /metrics.
import { describe, expect, it } from 'vitest';
import { startSignalServer } from '../../../signal';
import { client, server } from './fixtures';
import { roundTrip } from './ws-client';


describe('y-webrtc signalling protocol', () => {
  it('answers ping with pong', async () => {
    const s = await server();
    const c = await client(s.url);
    c.send({ type: 'ping' });
    expect(await c.next((m) => m.type === 'pong')).toEqual({ type: 'pong' });
  });

  it('relays a publish to every subscriber of the topic, with the clients count and extra fields kept', async () => {
    const s = await server();
    const [a, b, other] = await Promise.all([client(s.url), client(s.url), client(s.url)]);
    a.send({ type: 'subscribe', topics: ['room-1'] });
    b.send({ type: 'subscribe', topics: ['room-1', 'room-2'] });
    other.send({ type: 'subscribe', topics: ['room-3'] });
    await Promise.all([roundTrip(a), roundTrip(b), roundTrip(other)]);

    a.send({ type: 'publish', topic: 'room-1', data: { type: 'announce', from: 'a' }, extra: 1 });
    const expected = { type: 'publish', topic: 'room-1', data: { type: 'announce', from: 'a' }, extra: 1, clients: 2 };
    expect(await b.next((m) => m.type === 'publish')).toEqual(expected);
    // The stock server echoes to the sender too when it is subscribed; y-webrtc ignores its own.
    expect(await a.next((m) => m.type === 'publish')).toEqual(expected);
    await roundTrip(other);
    expect(other.messages.filter((m) => m.type === 'publish')).toEqual([]);
    expect(s.stats()).toEqual({ connections: 3, topics: 3 });
  });

  it('stops relaying after unsubscribe and forgets empty topics', async () => {
    const s = await server();
    const [a, b] = await Promise.all([client(s.url), client(s.url)]);
    b.send({ type: 'subscribe', topics: ['t'] });
    await roundTrip(b);
    expect(s.stats().topics).toBe(1);
    b.send({ type: 'unsubscribe', topics: ['t'] });
    await roundTrip(b);
    expect(s.stats().topics).toBe(0);
    a.send({ type: 'publish', topic: 't', data: 'x' });
    await roundTrip(a);
    await roundTrip(b);
    expect(b.messages.filter((m) => m.type === 'publish')).toEqual([]);
  });

  it('forgets a closed connection’s topics', async () => {
    const s = await server();
    const a = await client(s.url);
    a.send({ type: 'subscribe', topics: ['x', 'y'] });
    await roundTrip(a);
    expect(s.stats()).toEqual({ connections: 1, topics: 2 });
    await a.close();
    await expect.poll(() => s.stats()).toEqual({ connections: 0, topics: 0 });
  });

  it('serves /health and Prometheus /metrics', async () => {
    const s = await server();
    const a = await client(s.url);
    a.send({ type: 'subscribe', topics: ['m'] });
    a.send('not json');
    await roundTrip(a);
    const http = s.url.replace('ws:', 'http:');
    const health = await fetch(`${http}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', connections: 1, topics: 1, redis: 'off' });
    const metrics = await (await fetch(`${http}/metrics`)).text();
    expect(metrics).toMatch(/^signal_connections 1$/m);
    expect(metrics).toMatch(/^signal_topics 1$/m);
    expect(metrics).toMatch(/^signal_messages_in_total\{type="subscribe"\} 1$/m);
    expect(metrics).toMatch(/^signal_drops_total\{reason="json"\} 1$/m);
    expect(metrics).toMatch(/^signal_messages_out_total 1$/m);
    expect((await fetch(`${http}/nope`)).status).toBe(404);
    expect((await fetch(`${http}/health`, { method: 'POST' })).status).toBe(405);
  });
});

describe('start-up failures', () => {
  it('rejects with EADDRINUSE when the port is taken, and leaves the first server working', async () => {
    const s = await server();
    await expect(startSignalServer({ port: s.port })).rejects.toThrow(/EADDRINUSE/);
    const c = await client(s.url);
    await roundTrip(c);
  });

  it('rejects when redis cannot be reached, without printing its password', async () => {
    const { freePort } = await import('./redis');
    const port = await freePort();
    const start = startSignalServer({ port: 0, redisUrl: `redis://:hunter2-secret@127.0.0.1:${port}` });
    await expect(start).rejects.toThrow(/cannot reach redis/);
    await expect(start).rejects.not.toThrow(/hunter2/);
  });
});
