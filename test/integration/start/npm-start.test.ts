import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Issue 11: `npm start` where Electron cannot be fetched starts the browser host and prints its
// URL. Runs the real scripts/start-electron.mjs (after `npm run build`, as `npm start` does) with
// Electron's download pointed at a closed loopback port, so it fails here as it does on a machine
// without access to Electron's release host.

const root = path.resolve(import.meta.dirname, '../../..');
const electronInstalled = existsSync(path.join(root, 'node_modules/electron/path.txt'));
const data = mkdtempSync(path.join(os.tmpdir(), 'cc-npm-start-'));
let child: ChildProcess | undefined;

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(data, { recursive: true, force: true });
});

describe.skipIf(electronInstalled)('npm start without Electron', () => {
  it('falls back to the browser host, prints its URL, serves it, and stops on SIGTERM', async () => {
    expect(existsSync(path.join(root, 'dist/cli.mjs')), 'run `npm run build` first').toBe(true);
    child = spawn(process.execPath, ['scripts/start-electron.mjs', '--port', '0', '--data-dir', data], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', CODECRAFTER_SANDBOX_WARM: 'none' },
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
        if (match) {
          clearInterval(timer);
          resolve(match[1]!);
        }
      }, 100);
      child!.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`start-electron exited with ${code}:\n${output}`));
      });
    });
    expect(output).toMatch(/Electron could not be downloaded/);
    expect(output).toMatch(/starts in your browser instead/);

    const login = await fetch(url, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const page = await fetch(new URL('/', url), { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<title>CodeCrafter/);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(new URL('/', url))).rejects.toThrow();
  }, 120_000);
});
