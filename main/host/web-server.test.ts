import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostServices, type HostServices } from './services';
import { startWebHost, type WebHost } from './web-server';

// The browser host on a real loopback port: the token guards every page and the socket.

let dir: string;
let services: HostServices;
let host: WebHost;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-web-'));
  const staticDir = path.join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>CodeCrafter</title>');
  writeFileSync(path.join(dir, 'outside.txt'), 'not to be served');
  services = createHostServices({ dataDir: path.join(dir, 'data'), host: 'web', sandboxWarm: [] });
  host = await startWebHost({ services, staticDir, host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
  await services.dispose();
  rmSync(dir, { recursive: true, force: true });
});

type Frame = Record<string, unknown>;
/** Frames that arrived before a test asked for them (the hello comes with the handshake). */
const inbox = new WeakMap<WebSocket, { frames: Frame[]; waiters: ((f: Frame) => void)[] }>();

function connect(url: string, headers: Record<string, string> = {}): Promise<{ ws?: WebSocket; status?: number; body?: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    const box = { frames: [] as Frame[], waiters: [] as ((f: Frame) => void)[] };
    inbox.set(ws, box);
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      const waiter = box.waiters.shift();
      if (waiter) waiter(frame);
      else box.frames.push(frame);
    });
    ws.on('open', () => resolve({ ws }));
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    ws.on('error', () => {});
  });
}

function nextFrame(ws: WebSocket): Promise<Frame> {
  const box = inbox.get(ws)!;
  const queued = box.frames.shift();
  return queued ? Promise.resolve(queued) : new Promise((resolve) => box.waiters.push(resolve));
}

describe('browser host', () => {
  it('prints a loopback URL that carries the token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('refuses pages without the token and sets a cookie with it', async () => {
    const refused = await fetch(`${base}/`);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/needs the access token/);
    const wrong = await fetch(`${base}/?token=wrong`);
    expect(wrong.status).toBe(401);

    const login = await fetch(host.url, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${base}/`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(page.headers.get('content-security-policy')).not.toMatch(/https?:/);
  });

  it('sends the http form of a room invite to the page, room in the query', async () => {
    const res = await fetch(`${base}/join/AbC123?s=ws%3A%2F%2F127.0.0.1%3A4444`, {
      headers: { cookie: `codecrafter_token=${host.token}` },
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/?s=ws%3A%2F%2F127.0.0.1%3A4444&join=AbC123');
    const refused = await fetch(`${base}/join/AbC123`, { redirect: 'manual' });
    expect(refused.status).toBe(401);
  });

  it('serves nothing outside the renderer folder', async () => {
    const res = await fetch(`${base}/..%2Foutside.txt?token=${host.token}`, { redirect: 'manual' });
    const res2 = await fetch(`${base}/%2e%2e/outside.txt`, { headers: { cookie: `codecrafter_token=${host.token}` } });
    expect([res.status, res2.status].every((s) => s === 302 || s === 404 || s === 400)).toBe(true);
    expect(await res2.text()).not.toContain('not to be served');
  });

  it('refuses a socket without the token, with a clear message', async () => {
    const none = await connect(`ws://127.0.0.1:${host.port}/rpc`);
    expect(none.status).toBe(401);
    expect(none.body).toMatch(/needs the access token/);
    const wrong = await connect(`ws://127.0.0.1:${host.port}/rpc?token=${'x'.repeat(32)}`);
    expect(wrong.status).toBe(401);
  });

  it('refuses a socket opened by a page of another origin even with the cookie', async () => {
    const res = await connect(`ws://127.0.0.1:${host.port}/rpc`, {
      cookie: `codecrafter_token=${host.token}`,
      origin: 'http://evil.example',
    });
    expect(res.status).toBe(403);
  });

  it('serves the contract, and survives garbage frames', async () => {
    const { ws } = await connect(`ws://127.0.0.1:${host.port}/rpc?token=${host.token}`);
    expect(ws).toBeDefined();
    const socket = ws!;
    expect(await nextFrame(socket)).toEqual({ t: 'hello', version: 1 });

    const garbage: (string | Buffer)[] = [
      'not json',
      '{"t":"call"}',
      '{"t":"call","id":-1,"ch":"app.getInfo"}',
      '[]',
      'null',
      Buffer.from([0xff, 0xfe, 0x00, 0x01]),
      JSON.stringify({ t: 'sub', ch: 'no.such' }),
    ];
    for (const frame of garbage) {
      socket.send(frame);
      const reply = await nextFrame(socket);
      expect(reply.t).toBe('error');
    }
    socket.send(JSON.stringify({ t: 'call', id: 7, ch: 'workspace.readFile', arg: { path: '../../etc/passwd' } }));
    const refused = await nextFrame(socket);
    expect(refused).toMatchObject({ t: 'error', id: 7, error: { code: 'invalid-argument' } });

    socket.send(JSON.stringify({ t: 'call', id: 8, ch: 'app.getInfo' }));
    expect(await nextFrame(socket)).toMatchObject({ t: 'result', id: 8, value: { name: 'CodeCrafter', host: 'web' } });
    socket.close();
  });

  it('delivers events only to sockets that subscribed', async () => {
    const a = (await connect(`ws://127.0.0.1:${host.port}/rpc?token=${host.token}`)).ws!;
    const b = (await connect(`ws://127.0.0.1:${host.port}/rpc?token=${host.token}`)).ws!;
    await Promise.all([nextFrame(a), nextFrame(b)]);
    a.send(JSON.stringify({ t: 'sub', ch: 'settings.onDidChange' }));
    const bFrames = inbox.get(b)!.frames;
    // The subscription is registered before the call is handled: frames on one socket are in order.
    a.send(JSON.stringify({ t: 'call', id: 1, ch: 'settings.update', arg: { fontSize: 16 } }));
    const frames = [await nextFrame(a), await nextFrame(a)];
    expect(frames).toContainEqual(expect.objectContaining({ t: 'event', ch: 'settings.onDidChange', payload: expect.objectContaining({ fontSize: 16 }) }));
    b.send(JSON.stringify({ t: 'call', id: 2, ch: 'app.getInfo' }));
    await expect.poll(() => bFrames.length).toBe(1);
    expect(bFrames[0]).toMatchObject({ t: 'result', id: 2 });
    a.close();
    b.close();
  });
});
