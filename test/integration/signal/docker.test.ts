// The standalone image: bundle, `docker build -f signal/Dockerfile`, run it, talk y-webrtc's
// protocol to it. Needs dockerd and a base image with Node (no registry here to pull node:22
// from): SIGNAL_TEST_BASE_IMAGE, else the project's own sandbox Node image once built.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './redis';
import { connect, roundTrip } from './ws-client';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const docker = (...args: string[]) => spawnSync('docker', args, { encoding: 'utf8' });

function baseImage(): string | undefined {
  if (docker('info').status !== 0) return undefined;
  if (process.env.SIGNAL_TEST_BASE_IMAGE) return process.env.SIGNAL_TEST_BASE_IMAGE;
  const listed = docker('images', 'codecrafter-sandbox/node', '--format', '{{.Repository}}:{{.Tag}}').stdout.trim().split('\n')[0];
  return listed || undefined;
}

const base = baseImage();
const tag = `codecrafter-signal-test:${process.pid}`;
const container = `codecrafter-signal-test-${process.pid}`;
const context = mkdtempSync(path.join(os.tmpdir(), 'signal-image-'));

afterAll(() => {
  docker('rm', '-f', container);
  docker('rmi', '-f', tag);
  rmSync(context, { recursive: true, force: true });
});

describe.skipIf(!base)(`signal image (base ${base ?? 'none: no dockerd or Node image'})`, () => {
  it('builds from the repo and serves y-webrtc signalling and /health', async () => {
    execFileSync(process.execPath, [path.join(root, 'signal/build.mjs'), context], { stdio: 'inherit' });
    const build = docker('build', '-q', '-f', path.join(root, 'signal/Dockerfile'), '--build-arg', `BASE_IMAGE=${base}`, '-t', tag, context);
    expect(build.status, build.stderr).toBe(0);

    // dockerd here has no bridge network: host networking, pinned to loopback by SIGNAL_HOST.
    const port = await freePort();
    const run = docker('run', '-d', '--rm', '--name', container, '--network', 'host', '-e', 'SIGNAL_HOST=127.0.0.1', '-e', `SIGNAL_PORT=${port}`, tag);
    expect(run.status, run.stderr).toBe(0);
    const http = `http://127.0.0.1:${port}`;
    await expect
      .poll(async () => (await fetch(`${http}/health`).then((r) => r.json(), () => null))?.status, { timeout: 20_000, interval: 200 })
      .toBe('ok');

    const [a, b] = await Promise.all([connect(`ws://127.0.0.1:${port}`), connect(`ws://127.0.0.1:${port}`)]);
    b.send({ type: 'subscribe', topics: ['room'] });
    await roundTrip(b);
    a.send({ type: 'publish', topic: 'room', data: 'from the container' });
    expect(await b.next((m) => m.type === 'publish')).toMatchObject({ data: 'from the container', clients: 1 });
    a.send('not json');
    await roundTrip(a);
    expect(await (await fetch(`${http}/metrics`)).text()).toMatch(/^signal_drops_total\{reason="json"\} 1$/m);
    await Promise.all([a.close(), b.close()]);
    expect(docker('logs', container).stdout).toMatch(/listening on ws:\/\/127\.0\.0\.1:/);
  }, 120_000);
});
