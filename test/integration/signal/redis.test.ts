// Two instances joined through a real redis-server serve one room: a publish on A reaches a
// subscriber on B, and stock y-webrtc peers on different instances sync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { SignalServer } from '../../../signal';
import { client, onCleanup, server } from './fixtures';
import { startRedis, type RedisProcess } from './redis';
import { roundTrip, type TestClient } from './ws-client';
import { startYjsPeer } from './yjs-peers';

let redis: RedisProcess;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

async function health(s: SignalServer): Promise<{ redis: string; connections: number }> {
  return (await fetch(`${s.url.replace('ws:', 'http:')}/health`)).json();
}
const instance = (redisPrefix = 'test:') => server({ redisUrl: redis.url, redisPrefix });
/** Redis SUBSCRIBE is acknowledged asynchronously; wait until B's channel is live. */
async function untilRelayed(from: TestClient, to: TestClient, topic: string): Promise<void> {
  await expect
    .poll(
      async () => {
        from.send({ type: 'publish', topic, data: 'probe' });
        await roundTrip(to);
        return to.messages.some((m) => m.type === 'publish' && m.data === 'probe');
      },
      { timeout: 5000, interval: 50 },
    )
    .toBe(true);
}

describe('instances sharing topics through redis', () => {
  it('relays a publish on instance A to a subscriber on instance B, and back', async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    expect(a.instanceId).not.toBe(b.instanceId);
    const [onA, onB] = await Promise.all([client(a.url), client(b.url)]);
    onA.send({ type: 'subscribe', topics: ['shared'] });
    onB.send({ type: 'subscribe', topics: ['shared'] });
    await Promise.all([roundTrip(onA), roundTrip(onB)]);
    await untilRelayed(onA, onB, 'shared');

    onA.send({ type: 'publish', topic: 'shared', data: { hello: 'from A' } });
    expect(await onB.next((m) => (m.data as { hello?: string })?.hello === 'from A')).toEqual({
      type: 'publish',
      topic: 'shared',
      data: { hello: 'from A' },
      clients: 1,
    });
    onB.send({ type: 'publish', topic: 'shared', data: { hello: 'from B' } });
    await onA.next((m) => (m.data as { hello?: string })?.hello === 'from B');
    // Each instance delivers its own copy once: no echo loop through redis.
    await new Promise((r) => setTimeout(r, 200));
    expect(onB.messages.filter((m) => (m.data as { hello?: string })?.hello === 'from A')).toHaveLength(1);
    expect(onA.messages.filter((m) => (m.data as { hello?: string })?.hello === 'from A')).toHaveLength(1);
    const health = await (await fetch(`${a.url.replace('ws:', 'http:')}/health`)).json();
    expect(health.redis).toBe('up');
  });

  it('does not relay topics nobody on the other instance follows, nor after unsubscribe', async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const [onA, onB] = await Promise.all([client(a.url), client(b.url)]);
    onB.send({ type: 'subscribe', topics: ['t1'] });
    await roundTrip(onB);
    await untilRelayed(onA, onB, 't1');
    onB.send({ type: 'unsubscribe', topics: ['t1'] });
    await roundTrip(onB);
    const before = onB.messages.length;
    onA.send({ type: 'publish', topic: 't1', data: 'after' });
    onA.send({ type: 'publish', topic: 'other', data: 'other' });
    await new Promise((r) => setTimeout(r, 300));
    await roundTrip(onB);
    expect(onB.messages.slice(before).filter((m) => m.type === 'publish')).toEqual([]);
  });

  it('keeps deployments with different prefixes apart', async () => {
    const [a, b] = await Promise.all([instance('one:'), instance('two:')]);
    const [onA, onB] = await Promise.all([client(a.url), client(b.url)]);
    onB.send({ type: 'subscribe', topics: ['room'] });
    await roundTrip(onB);
    await new Promise((r) => setTimeout(r, 200));
    onA.send({ type: 'publish', topic: 'room', data: 'x' });
    await new Promise((r) => setTimeout(r, 300));
    expect(onB.messages.filter((m) => m.type === 'publish')).toEqual([]);
  });

  it('lets stock y-webrtc peers on different instances find each other and sync', async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const room = `room-${randomUUID()}`;
    const p1 = await startYjsPeer(a.url, room, 'pw');
    onCleanup(() => p1.stop());
    // Give A's redis SUBSCRIBE a moment; y-webrtc announces again when peer 2 joins anyway.
    const p2 = await startYjsPeer(b.url, room, 'pw');
    onCleanup(() => p2.stop());
    await p1.waitFor((p) => p.webrtcPeers.includes(p2.peerId), 30_000, 'p1 sees p2');
    p1.insert(0, 'one');
    await p2.waitFor((p) => p.text === 'one', 20_000, 'p2 gets text');
    p2.insert(3, ' two');
    await p1.waitFor((p) => p.text === 'one two', 20_000, 'p1 gets text');
    expect((await a.metrics.redisIn.get()).values[0]?.value).toBeGreaterThan(0);
    expect((await b.metrics.redisIn.get()).values[0]?.value).toBeGreaterThan(0);
  });

  it('keeps relaying locally while redis is down, and shares topics again once it is back', async () => {
    const [a, b] = await Promise.all([instance('outage:'), instance('outage:')]);
    const [onA, alsoOnA, onB] = await Promise.all([client(a.url), client(a.url), client(b.url)]);
    for (const c of [onA, alsoOnA, onB]) c.send({ type: 'subscribe', topics: ['room'] });
    await Promise.all([roundTrip(onA), roundTrip(alsoOnA), roundTrip(onB)]);
    await untilRelayed(onA, onB, 'room');

    await redis.stop();
    await expect.poll(async () => (await health(a)).redis, { timeout: 10_000 }).toBe('down');
    onA.send({ type: 'publish', topic: 'room', data: 'during outage' });
    await alsoOnA.next((m) => m.data === 'during outage');
    expect((await health(a)).connections).toBe(2);

    redis = await startRedis(redis.port);
    await expect.poll(async () => (await health(a)).redis, { timeout: 15_000 }).toBe('up');
    await expect.poll(async () => (await health(b)).redis, { timeout: 15_000 }).toBe('up');
    // ioredis re-subscribes B's channel on reconnect; probing with fresh data shows it is live.
    await expect
      .poll(
        async () => {
          onA.send({ type: 'publish', topic: 'room', data: 'after outage' });
          await roundTrip(onB);
          return onB.messages.some((m) => m.data === 'after outage');
        },
        { timeout: 15_000, interval: 100 },
      )
      .toBe(true);
  }, 60_000);
});
