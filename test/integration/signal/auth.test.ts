// Optional token: without the right one no WebSocket opens and /metrics stays closed.
import { describe, expect, it } from 'vitest';
import { startSignalServer } from '../../../signal';
import { server as startServer } from './fixtures';
import { connect } from './ws-client';

const TOKEN = 'correct-horse-battery';
const server = () => startServer({ token: TOKEN });

describe('token auth', () => {
  it('refuses a connection without a token, or with a wrong one, with HTTP 401', async () => {
    const s = await server();
    await expect(connect(s.url)).rejects.toThrow('HTTP 401');
    await expect(connect(`${s.url}/?token=wrong`)).rejects.toThrow('HTTP 401');
    await expect(connect(`${s.url}/?token=${TOKEN}x`)).rejects.toThrow('HTTP 401');
    await expect(connect(`${s.url}/?token=${TOKEN.slice(0, -1)}`)).rejects.toThrow('HTTP 401');
    await expect(connect(s.url, { headers: { Authorization: 'Bearer nope' } })).rejects.toThrow('HTTP 401');
    const rejected = (await s.metrics.rejected.get()).values.find((v) => v.labels.reason === 'auth')?.value;
    expect(rejected).toBe(5);
    expect(s.stats().connections).toBe(0);
  });

  it('accepts the token in the query string or as a bearer header', async () => {
    const s = await server();
    const a = await connect(`${s.url}/?token=${TOKEN}`);
    const b = await connect(s.url, { headers: { Authorization: `Bearer ${TOKEN}` } });
    a.send({ type: 'ping' });
    await a.next((m) => m.type === 'pong');
    expect(s.stats().connections).toBe(2);
    await Promise.all([a.close(), b.close()]);
  });

  it('guards /metrics with the token but leaves /health open', async () => {
    const s = await server();
    const http = s.url.replace('ws:', 'http:');
    expect((await fetch(`${http}/metrics`)).status).toBe(401);
    expect((await fetch(`${http}/metrics?token=${TOKEN}`)).status).toBe(200);
    expect((await fetch(`${http}/health`)).status).toBe(200);
  });

  it('refuses a token shorter than 8 characters at start', async () => {
    await expect(startSignalServer({ port: 0, token: 'short' })).rejects.toThrow(/at least 8/);
  });
});
