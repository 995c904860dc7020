// The standalone image: bundle, `docker build -f signal/Dockerfile`, run it with no network at
// all, and talk y-webrtc's protocol to it from inside the container (image-probe.ts), so the test
// works whatever network namespace it runs in. Needs dockerd and a base image with Node (there is
// no registry here to pull node:22 from): SIGNAL_TEST_BASE_IMAGE, else the project's own sandbox
// Node image once `npm run images` has built it.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

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
const probeDir = mkdtempSync(path.join(os.tmpdir(), 'signal-probe-'));

afterAll(() => {
  docker('rm', '-f', container);
  docker('rmi', '-f', tag);
  rmSync(context, { recursive: true, force: true });
  rmSync(probeDir, { recursive: true, force: true });
});

describe.skipIf(!base)(`signal image (base ${base ?? 'none: no dockerd or Node image'})`, () => {
  it('builds from the repo and serves y-webrtc signalling, /health and /metrics', async () => {
    execFileSync(process.execPath, [path.join(root, 'signal/build.mjs'), context], { stdio: 'inherit' });
    const built = docker('build', '-q', '-f', path.join(root, 'signal/Dockerfile'), '--build-arg', `BASE_IMAGE=${base}`, '-t', tag, context);
    expect(built.status, built.stderr).toBe(0);

    const run = docker('run', '-d', '--rm', '--name', container, '--network', 'none', '-e', 'SIGNAL_HOST=127.0.0.1', '-e', 'SIGNAL_PORT=4444', tag);
    expect(run.status, run.stderr).toBe(0);

    await build({
      entryPoints: [path.join(root, 'test/integration/signal/image-probe.ts')],
      outfile: path.join(probeDir, 'probe.cjs'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      external: ['bufferutil', 'utf-8-validate'],
      logLevel: 'warning',
    });
    const copied = docker('cp', path.join(probeDir, 'probe.cjs'), `${container}:/tmp/probe.cjs`);
    expect(copied.status, copied.stderr).toBe(0);
    const probe = docker('exec', container, 'node', '/tmp/probe.cjs', '4444');
    expect(probe.status, probe.stderr + docker('logs', container).stderr).toBe(0);
    expect(JSON.parse(probe.stdout)).toEqual({
      health: { status: 'ok', connections: 0, topics: 0, redis: 'off' },
      relayed: { type: 'publish', topic: 'room', data: 'from the container', clients: 1 },
      dropsJson: '1',
    });
    expect(docker('logs', container).stdout).toMatch(/listening on ws:\/\/127\.0\.0\.1:4444/);
  }, 120_000);
});
