import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Starts the real browser host (`codecrafter web`, built by `npm run build`) as a child process on
// a free loopback port, and returns the URL it printed.

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningHost {
  url: string;
  origin: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startHost(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<RunningHost> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/cli.mjs'), 'web', '--port', '0', '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SHELL: '/bin/bash', CODECRAFTER_SANDBOX_WARM: process.env.CODECRAFTER_SANDBOX_WARM ?? 'python', ...env },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the web host did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the web host exited with ${code}:\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A fresh copy of a fixture folder in a temporary directory. */
export function copyFixture(name: string): { dir: string; cleanup: () => void } {
  const base = mkdtempSync(path.join(os.tmpdir(), 'cc-e2e-'));
  const dir = path.join(base, name);
  cpSync(path.join(REPO_ROOT, 'test/fixtures', name), dir, { recursive: true });
  return { dir, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
