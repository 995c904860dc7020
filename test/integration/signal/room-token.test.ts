// The per-room token (issue 8 item 7): checked on every subscribe and publish; a socket without
// it is closed with a reason the page can show, and the refusal is counted.
import { describe, expect, it } from 'vitest';
import { ROOM_TOKEN_CLOSE_REASON } from '../../../signal/server';
import { startSignalServer } from '../../../signal';
import { count, server } from './fixtures';
import { connect, roundTrip } from './ws-client';

const ROOM_TOKEN = 'r00m-t0ken_r00m-t0ken_r00m-t0ken';

describe('room token', () => {
  it('closes a socket that subscribes without the token, or with a wrong one, with 4403 and a reason', async () => {
    const s = await server({ roomToken: ROOM_TOKEN });
    for (const url of [s.url, `${s.url}/?token=wrong-wrong-wrong-wrong-wrong`, `${s.url}/?token=${ROOM_TOKEN}x`, `${s.url}/?token=${ROOM_TOKEN.slice(0, -1)}`]) {
      const c = await connect(url);
      c.send({ type: 'subscribe', topics: ['room-1'] });
      expect(await c.closed).toEqual({ code: 4403, reason: ROOM_TOKEN_CLOSE_REASON });
    }
    expect(s.stats().topics).toBe(0);
    expect(await count(s.metrics.rejected, 'room_token')).toBe(4);
    expect(Buffer.byteLength(ROOM_TOKEN_CLOSE_REASON)).toBeLessThanOrEqual(123);
  });

  it('closes a socket that publishes into a topic without the token, before anything is delivered', async () => {
    const s = await server({ roomToken: ROOM_TOKEN });
    const member = await connect(`${s.url}/?token=${ROOM_TOKEN}`);
    member.send({ type: 'subscribe', topics: ['room-1'] });
    await roundTrip(member);
    const stranger = await connect(s.url);
    stranger.send({ type: 'publish', topic: 'room-1', data: { type: 'announce', from: 'forged' } });
    expect((await stranger.closed).code).toBe(4403);
    await roundTrip(member);
    expect(member.messages.filter((m) => m.type === 'publish')).toEqual([]);
    await member.close();
  });

  it('lets members with the token (query or bearer) subscribe and reach each other', async () => {
    const s = await server({ roomToken: ROOM_TOKEN });
    const a = await connect(`${s.url}/?token=${ROOM_TOKEN}`);
    const b = await connect(s.url, { headers: { Authorization: `Bearer ${ROOM_TOKEN}` } });
    a.send({ type: 'subscribe', topics: ['room-1'] });
    b.send({ type: 'subscribe', topics: ['room-1'] });
    await Promise.all([roundTrip(a), roundTrip(b)]);
    a.send({ type: 'publish', topic: 'room-1', data: 'hello' });
    expect(await b.next((m) => m.type === 'publish')).toMatchObject({ topic: 'room-1', data: 'hello' });
    expect(await count(s.metrics.rejected, 'room_token')).toBe(0);
    await Promise.all([a.close(), b.close()]);
  });

  it('answers pings and /health without the token (the socket opens, so the refusal can say why)', async () => {
    const s = await server({ roomToken: ROOM_TOKEN });
    const c = await connect(s.url);
    await roundTrip(c);
    expect((await fetch(`${s.url.replace('ws:', 'http:')}/health`)).status).toBe(200);
    await c.close();
  });

  it('refuses a room token under 128 bits at start', async () => {
    await expect(startSignalServer({ port: 0, roomToken: 'too-short-token' })).rejects.toThrow(/at least 22/);
  });
});
