import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { copyFixture, REPO_ROOT, tempDir } from './web-host';
// The probe's window.codecrafterTerminalProbe type (the page's side of the terminal test).
import type {} from '../../renderer/terminal/terminal-probe';

// The desktop shell, where an Electron binary exists. `npm install` cannot download it on machines
// without access to Electron's release host; there this test says so and skips.

function electronBinary(): string | undefined {
  const dir = path.join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const NO_BINARY = 'The Electron binary is not installed on this machine, so the desktop shell cannot be launched here.';

function binaryOrSkip(): string | undefined {
  const binary = electronBinary();
  if (!binary) console.log(NO_BINARY);
  test.skip(!binary, NO_BINARY);
  return binary;
}

test('the Electron window opens sandboxed and reaches the host through the preload', async () => {
  const binary = binaryOrSkip();
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

test("a reloaded window gets a new port to the pty host: its terminal's tab comes back with what it showed", async () => {
  const binary = binaryOrSkip();
  const data = tempDir('cc-electron-');
  const workspace = copyFixture('sample-workspace');
  const app = await electron.launch({
    executablePath: binary,
    args: [path.join(REPO_ROOT, 'dist/electron/main.cjs'), `--user-data-dir=${data.dir}`],
  });
  const slow = { timeout: 120_000 };
  try {
    const page = await app.firstWindow();
    await page.getByLabel('Folder path on this machine').fill(workspace.dir);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByRole('tree', { name: 'Files' }).getByRole('treeitem', { name: 'README.md' })).toBeVisible(slow);
    await page.getByRole('button', { name: 'New terminal' }).click();
    await expect.poll(() => page.evaluate(() => window.codecrafterTerminalProbe?.ids().length ?? 0), slow).toBe(1);
    const id = (await page.evaluate(() => window.codecrafterTerminalProbe!.ids()))[0]!;
    const text = () => page.evaluate((tid) => window.codecrafterTerminalProbe?.text(tid) ?? '', id);
    await page.locator(`.terminal-pane[data-terminal-id="${id}"] .xterm`).click();
    await page.keyboard.type('cd /tmp; echo "before-$((6*7))"\n');
    await expect.poll(text, slow).toContain('before-42');

    await page.reload();
    await expect.poll(text, slow).toContain('before-42');
    await page.locator(`.terminal-pane[data-terminal-id="${id}"] .xterm`).click();
    await page.keyboard.type('echo "after-$(pwd)"\n');
    await expect.poll(text, slow).toContain('after-/tmp');
  } finally {
    await app.close();
    workspace.cleanup();
    data.cleanup();
  }
});
