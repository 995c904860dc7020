import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, tempDir } from './web-host';

// The desktop shell, where an Electron binary exists. `npm install` cannot download it on machines
// without access to Electron's release host; there this test says so and skips.

function electronBinary(): string | undefined {
  const dir = path.join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

test('the Electron window opens sandboxed and reaches the host through the preload', async () => {
  const binary = electronBinary();
  const reason = 'The Electron binary is not installed on this machine, so the desktop shell cannot be launched here.';
  if (!binary) console.log(reason);
  test.skip(!binary, reason);
  const data = tempDir('cc-electron-');
  const app = await electron.launch({
    executablePath: binary,
    args: [path.join(REPO_ROOT, 'dist/electron/main.cjs'), `--user-data-dir=${data.dir}`],
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'CodeCrafter' })).toBeVisible();
    const shape = await page.evaluate(() => ({
      bridge: typeof (window as { codecrafter?: { app?: { getInfo?: unknown } } }).codecrafter?.app?.getInfo,
      node: typeof (globalThis as { process?: unknown }).process,
      require: typeof (globalThis as { require?: unknown }).require,
    }));
    expect(shape).toEqual({ bridge: 'function', node: 'undefined', require: 'undefined' });
    // The main process answers through the preload bridge.
    const info = await page.evaluate(async () => {
      const bridge = (window as unknown as { codecrafter: { app: { getInfo: () => Promise<{ ok: boolean; value: { host: string } }> } } }).codecrafter;
      return bridge.app.getInfo();
    });
    expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
  } finally {
    await app.close();
    data.cleanup();
  }
});
