// The standalone entry: `codecrafter signal` flags and environment, clean stop on SIGTERM.
import { connect, roundTrip } from './ws-client';
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const bin = path.join(root, 'signal/bin.ts');

function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', bin, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line:\n${out}`)), 20_000);
    child.stdout.on('data', () => {
      const m = /listening on (ws:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  return { child, url, exited, output: () => out };
}

describe('codecrafter signal', () => {
  it('listens on 127.0.0.1 by default, serves /health, and stops cleanly on SIGTERM', async () => {
    const s = start(['--port', '0']);
    const url = await s.url;
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${url.replace('ws:', 'http:')}/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', redis: 'off' });
    expect(s.output()).not.toMatch(/NOT loopback/);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it('takes the token from SIGNAL_TOKEN', async () => {
    const s = start(['--port', '0'], { SIGNAL_TOKEN: 'env-token-123' });
    const http = (await s.url).replace('ws:', 'http:');
    expect((await fetch(`${http}/metrics`)).status).toBe(401);
    const metrics = await fetch(`${http}/metrics?token=env-token-123`);
    expect(await metrics.text()).toMatch(/signal_process_resident_memory_bytes/);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it('takes a room token from --room-token and closes a subscribe without it (issue 8)', async () => {
    const roomToken = 'cli-room-token-cli-room-token';
    const s = start(['--port', '0', '--room-token', roomToken]);
    const url = await s.url;
    const stranger = await connect(url);
    stranger.send({ type: 'subscribe', topics: ['r'] });
    expect((await stranger.closed).code).toBe(4403);
    const member = await connect(`${url}/?token=${roomToken}`);
    member.send({ type: 'subscribe', topics: ['r'] });
    await roundTrip(member);
    await member.close();
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it('exits 2 with a reason on bad flags and values', () => {
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', bin, ...args], { cwd: root, encoding: 'utf8' });
    const unknown = run(['--bogus']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/bogus/);
    expect(unknown.stderr).toMatch(/usage: codecrafter signal/);
    const port = run(['--port', '99999']);
    expect(port.status).toBe(2);
    expect(port.stderr).toMatch(/port/i);
    const token = run(['--port', '0', '--token', 'short']);
    expect(token.status).toBe(2);
    expect(token.stderr).toMatch(/at least 8/);
    const redis = run(['--port', '0', '--redis', 'http://x']);
    expect(redis.status).toBe(2);
  });

  it('is listed in `codecrafter --help`', () => {
    const help = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'main/cli/index.ts'), '--help'], { cwd: root, encoding: 'utf8' });
    expect(help.stdout).toMatch(/^\s+signal\s+run the y-webrtc signalling server/m);
  });
});
