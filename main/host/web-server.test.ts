import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
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

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with exactly the Host and Origin headers a test chooses (fetch would not let us). */
function raw(target: string, headers: Record<string, string>, options: { setHost?: boolean } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: target, headers, setHost: options.setHost ?? true }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const cookie = () => `codecrafter_token=${host.token}`;

describe('browser host: Host and Origin allow-list (DNS rebinding)', () => {
  it('answers at its loopback names on its own port', async () => {
    for (const name of ['127.0.0.1', 'localhost', '[::1]', 'LOCALHOST']) {
      const res = await raw('/', { host: `${name}:${host.port}`, cookie: cookie() });
      expect(res.status, name).toBe(200);
    }
  });

  it('refuses another name or another port in Host, even with the token, and says why', async () => {
    for (const name of ['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', 'localhost']) {
      const port = name === 'localhost' ? host.port + 1 : host.port;
      const res = await raw(`/?token=${host.token}`, { host: `${name}:${port}`, cookie: cookie() });
      expect(res.status, name).toBe(403);
      expect(res.body).toMatch(/DNS rebinding/);
      expect(res.body).toMatch(new RegExp(`http://127\\.0\\.0\\.1:${host.port}/`));
      expect(res.body).not.toContain(host.token);
    }
    const noPort = await raw('/', { host: '127.0.0.1', cookie: cookie() });
    expect(noPort.status).toBe(403);
  });

  it('refuses a request without a Host header', async () => {
    // Node's parser already answers an HTTP/1.1 request without Host with a bare 400.
    const res = await raw('/', { cookie: cookie() }, { setHost: false });
    expect(res.status).toBe(400);
  });

  it('accepts Origin only when it is one of its own origins', async () => {
    const ours = await raw('/', { host: `127.0.0.1:${host.port}`, origin: `http://localhost:${host.port}`, cookie: cookie() });
    expect(ours.status).toBe(200);
    for (const origin of ['http://evil.example', `http://evil.example:${host.port}`, 'null', `https://127.0.0.1:${host.port}`]) {
      const res = await raw('/', { host: `127.0.0.1:${host.port}`, origin, cookie: cookie() });
      expect(res.status, origin).toBe(403);
      expect(res.body).toMatch(/may not use this host/);
    }
  });

  it('refuses a socket from a re-bound name even when Host and Origin agree and the token is right', async () => {
    const rebound = `evil.example:${host.port}`;
    const res = await connect(`ws://127.0.0.1:${host.port}/rpc?token=${host.token}`, { host: rebound, origin: `http://${rebound}` });
    expect(res.status).toBe(403);
    expect(res.body).toMatch(/DNS rebinding/);
    const ok = await connect(`ws://127.0.0.1:${host.port}/rpc?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` });
    expect(ok.ws).toBeDefined();
    ok.ws!.close();
  });
});

describe('browser host: redirects stay on its origin', () => {
  it('never turns the token redirect into a scheme-relative or foreign location', async () => {
    const own = `http://127.0.0.1:${host.port}`;
    const targets = [
      '/.//evil.example/x',
      '//evil.example/x',
      '/\\evil.example/x',
      '/./\\/evil.example/x',
      '/%2e//evil.example/x',
      '/a/..//evil.example',
      '///evil.example',
    ];
    for (const target of targets) {
      const sep = target.includes('?') ? '&' : '?';
      const res = await raw(`${target}${sep}token=${host.token}`, { host: `127.0.0.1:${host.port}` });
      expect(res.status, target).toBe(302);
      const location = res.headers.location!;
      expect(location, target).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, own).origin, target).toBe(own);
      expect(location).not.toContain('token=');
    }
    const kept = await raw(`/a//b/?x=1&token=${host.token}`, { host: `127.0.0.1:${host.port}` });
    expect(kept.headers.location).toBe('/a/b/?x=1');
  });
});

describe('browser host: invites for guests without the token', () => {
  it('serves the invite page, under a strict CSP, with no inline script', async () => {
    const res = await raw('/join/AbCdEf123456?s=ws%3A%2F%2F127.0.0.1%3A4444', { host: `127.0.0.1:${host.port}` });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const csp = res.headers['content-security-policy']!;
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(res.body).toMatch(/CodeCrafter room/);
    expect(res.body).toMatch(/Join/);
    // Every script comes from a file; none is written into the page.
    expect(res.body.match(/<script\b[^>]*>/g)).toEqual(['<script src="/__codecrafter/invite.js" defer>']);
    const script = await raw('/__codecrafter/invite.js', { host: `127.0.0.1:${host.port}` });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.body).toMatch(/codecrafter:\/\/join\//);
    const style = await raw('/__codecrafter/invite.css', { host: `127.0.0.1:${host.port}` });
    expect(style.status).toBe(200);
  });

  it('keeps every other page behind the token, with a 401 that says what to do', async () => {
    for (const target of ['/', '/index.html', '/__codecrafter/other.js', '/join/AbC123/extra', '/join/']) {
      const res = await raw(target, { host: `127.0.0.1:${host.port}` });
      expect(res.status, target).toBe(401);
      expect(res.body).toMatch(/Open the full URL that `npm run web` printed/);
      expect(res.body).toMatch(/room invite/);
    }
  });
});

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
