import { expect, test, type Page } from '@playwright/test';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { copyFixture, startHost, tempDir, type RunningHost } from './web-host';
// The probe's window.codecrafterTerminalProbe type (the page's side of these tests).
import type {} from '../../renderer/terminal/terminal-probe';

// Terminals through the browser host and its pty host process, read back from the xterm buffer
// (window.codecrafterTerminalProbe, renderer/terminal/terminal-probe.ts).

// Shells start slowly on a machine loaded by other test runs: polls wait generously (no timing is asserted).
const SLOW = { timeout: 120_000 };

let host: RunningHost;
let data: ReturnType<typeof tempDir>;
let workspace: ReturnType<typeof copyFixture>;

test.beforeEach(async () => {
  data = tempDir('cc-e2e-term-data-');
  workspace = copyFixture('sample-workspace');
  host = await startHost(data.dir);
});

test.afterEach(async () => {
  await host?.stop();
  workspace?.cleanup();
  data?.cleanup();
});

async function openWorkspace(page: Page): Promise<void> {
  await page.goto(host.url);
  await page.getByLabel('Folder path on this machine').fill(workspace.dir);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('tree', { name: 'Files' }).getByRole('treeitem', { name: 'README.md' })).toBeVisible();
}

/** The ids of the terminals in the page, in creation order. */
async function terminalIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.codecrafterTerminalProbe?.ids() ?? []);
}

function bufferOf(page: Page, id: string): Promise<string> {
  return page.evaluate((tid) => window.codecrafterTerminalProbe!.text(tid), id);
}

async function newTerminal(page: Page): Promise<string> {
  const before = await terminalIds(page);
  await page.getByRole('button', { name: 'New terminal' }).click();
  await expect.poll(async () => (await terminalIds(page)).length, SLOW).toBe(before.length + 1);
  const id = (await terminalIds(page)).find((t) => !before.includes(t))!;
  await page.locator(`.terminal-pane[data-terminal-id="${id}"] .xterm`).click();
  return id;
}

test.setTimeout(400_000);

test('a typed command runs in the workspace folder, and resizing changes stty size', async ({ page }) => {
  await openWorkspace(page);
  const id = await newTerminal(page);
  await page.keyboard.type('echo "hello-$((6*7))"; pwd\n');
  await expect.poll(() => bufferOf(page, id), SLOW).toMatch(new RegExp(`hello-42\\s*\\n${workspace.dir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));

  const sizeBefore = await page.evaluate((tid) => window.codecrafterTerminalProbe!.size(tid), id);
  await page.keyboard.type('clear; stty size\n');
  await expect.poll(() => bufferOf(page, id), SLOW).toContain(`${sizeBefore!.rows} ${sizeBefore!.cols}`);

  await page.setViewportSize({ width: 900, height: 700 });
  await expect.poll(async () => (await page.evaluate((tid) => window.codecrafterTerminalProbe!.size(tid), id))!.cols, SLOW).toBeLessThan(sizeBefore!.cols);
  const sizeAfter = (await page.evaluate((tid) => window.codecrafterTerminalProbe!.size(tid), id))!;
  await page.keyboard.type('clear; stty size\n');
  await expect.poll(() => bufferOf(page, id), SLOW).toContain(`${sizeAfter.rows} ${sizeAfter.cols}`);
});

test('a reload keeps the terminals: each tab comes back with what it showed, and its shell goes on', async ({ page }) => {
  await openWorkspace(page);
  const first = await newTerminal(page);
  await page.keyboard.type('cd /tmp; echo "before-$((6*7))"\n');
  await expect.poll(() => bufferOf(page, first), SLOW).toContain('before-42');
  const second = await newTerminal(page);
  await page.keyboard.type('echo "other-$((2+3))"\n');
  await expect.poll(() => bufferOf(page, second), SLOW).toContain('other-5');

  await page.reload();
  await expect.poll(() => terminalIds(page), SLOW).toEqual([first, second]);
  await expect.poll(() => bufferOf(page, first), SLOW).toContain('before-42');
  await expect.poll(() => bufferOf(page, second), SLOW).toContain('other-5');
  // The same shells: the first is still in /tmp, and its output shows once, not twice.
  await page.getByRole('tab', { name: /bash|sh/ }).first().click();
  await page.locator(`.terminal-pane[data-terminal-id="${first}"] .xterm`).click();
  await page.keyboard.type('echo "after-$(pwd)"\n');
  await expect.poll(() => bufferOf(page, first), SLOW).toContain('after-/tmp');
  expect((await bufferOf(page, first)).match(/^before-42$/gm)).toHaveLength(1);
});

test('tabs rename, split, find, exit code with Restart', async ({ page }) => {
  await openWorkspace(page);
  const first = await newTerminal(page);
  await page.keyboard.type('echo needle-one; echo needle-two\n');
  await expect.poll(() => bufferOf(page, first), SLOW).toContain('needle-two');

  // Find inside the terminal: Ctrl+F, as in VS Code (Ctrl+Shift+F is the workbench's Search).
  await page.keyboard.press('Control+F');
  const find = page.getByRole('textbox', { name: 'Find in terminal' });
  await expect(find).toBeFocused();
  await find.fill('needle-');
  await expect(page.getByRole('search', { name: 'Find in terminal' })).toContainText(/\d+ of \d+/, SLOW);
  await find.press('Escape');
  await expect(find).toHaveCount(0);

  // Rename.
  await page.getByRole('button', { name: 'Rename terminal 1' }).click();
  await page.getByRole('textbox', { name: 'Terminal name' }).fill('server');
  await page.getByRole('textbox', { name: 'Terminal name' }).press('Enter');
  await expect(page.getByRole('tab', { name: '1: server' })).toBeVisible();

  // Split: two terminals side by side, both visible.
  await page.getByRole('button', { name: 'Split terminal' }).click();
  await expect.poll(async () => (await terminalIds(page)).length, SLOW).toBe(2);
  const second = (await terminalIds(page)).find((t) => t !== first)!;
  await expect(page.locator(`.terminal-pane[data-terminal-id="${first}"]`)).toBeVisible();
  await expect(page.locator(`.terminal-pane[data-terminal-id="${second}"]`)).toBeVisible();
  await page.locator(`.terminal-pane[data-terminal-id="${second}"] .xterm`).click();
  await page.keyboard.type('echo right-$((1+1))\n');
  await expect.poll(() => bufferOf(page, second), SLOW).toContain('right-2');
  expect(await bufferOf(page, first)).not.toContain('right-2');

  // A shell that exits says its code and offers a restart in the same tab.
  await page.keyboard.type('exit 3\n');
  const pane = page.locator(`.terminal-pane[data-terminal-id="${second}"]`);
  await expect(pane.getByRole('alert')).toHaveText(/The shell exited with code 3\./, SLOW);
  await pane.getByRole('button', { name: 'Restart' }).click();
  // The tab keeps its place and name; a new pty with a new id replaces the one that exited.
  await expect.poll(async () => (await terminalIds(page)).filter((t) => t !== first && t !== second).length, SLOW).toBe(1);
  const restarted = (await terminalIds(page)).find((t) => t !== first)!;
  expect(restarted).not.toBe(second);
  await page.locator(`.terminal-pane[data-terminal-id="${restarted}"] .xterm`).click();
  await page.keyboard.type('echo again-$((2+2))\n');
  await expect.poll(() => bufferOf(page, restarted), SLOW).toContain('again-4');

  // Kill closes the tab.
  await page.getByRole('button', { name: 'Kill terminal 1' }).click();
  await expect(page.getByRole('tab', { name: '1: server' })).toHaveCount(0);
  await expect.poll(() => terminalIds(page), SLOW).toEqual([restarted]);
});

// The issue asks for 200 MB; CODECRAFTER_FLOOD_MB shrinks it where a loaded machine cannot draw that
// much in the time a run may take (the assertions do not depend on the size).
const FLOOD_MB = Number(process.env.CODECRAFTER_FLOOD_MB ?? 200);

test(`cat of ${FLOOD_MB} MB finishes while a page timer ticks and typing in Monaco still appears`, async ({ page }) => {
  test.setTimeout(Math.max(600_000, FLOOD_MB * 12_000));
  const big = path.join(workspace.dir, 'big.txt');
  const out = createWriteStream(big);
  const line = 'abcdefghijklmnopqrstuvwxyz0123456789 ünïcødé ✓ 😀 flood line\n';
  const block = line.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(line)));
  for (let mb = 0; mb < FLOOD_MB; mb++) if (!out.write(block)) await once(out, 'drain');
  out.end();
  await once(out, 'close');

  await openWorkspace(page);
  const tree = page.getByRole('tree', { name: 'Files' });
  await tree.getByRole('treeitem', { name: 'README.md' }).click();
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();

  const id = await newTerminal(page);
  await page.evaluate(() => {
    const w = window as unknown as { ccTicks: number };
    w.ccTicks = 0;
    setInterval(() => w.ccTicks++, 50);
  });
  const ticks = () => page.evaluate(() => (window as unknown as { ccTicks: number }).ccTicks);
  await page.keyboard.type('cat big.txt; echo CAT-$((40+2))\n');
  await expect.poll(() => bufferOf(page, id), SLOW).toContain('flood line');
  const ticksAtStart = await ticks();

  // While the flood runs: the editor takes typing.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('typed during the flood');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('typed during the flood', SLOW);
  expect(await bufferOf(page, id)).not.toMatch(/^CAT-42$/m);

  await expect.poll(() => bufferOf(page, id), { timeout: Math.max(540_000, FLOOD_MB * 11_000), intervals: [2000] }).toMatch(/^CAT-42$/m);
  expect(await ticks()).toBeGreaterThan(ticksAtStart);
});

test('terminal GPU acceleration: auto keeps the DOM renderer on this software WebGL, on draws with WebGL, off goes back, the screen kept', async ({ page }) => {
  await openWorkspace(page);
  const id = await newTerminal(page);
  await page.keyboard.type('echo "gpu-$((6*7))"\n');
  await expect.poll(() => bufferOf(page, id), SLOW).toContain('gpu-42');
  const pane = page.locator(`.terminal-pane[data-terminal-id="${id}"]`);
  // The WebGL renderer draws on a canvas in the screen; the DOM renderer's rows are elements.
  const webglCanvas = pane.locator('.xterm-screen > canvas:not([class*="-layer"])');
  const rows = pane.locator('.xterm-rows');
  // Chromium here has no GPU: its WebGL is SwiftShader, which 'auto' leaves alone.
  await expect(rows).toContainText('gpu-42');
  await expect(webglCanvas).toHaveCount(0);

  await page.getByRole('button', { name: 'Settings' }).first().click();
  const setting = page.getByRole('region', { name: 'Settings' }).getByLabel('Terminal GPU acceleration');
  await expect(setting).toHaveValue('auto');
  // The Settings view sits beside the panel: the open terminal follows the setting at once.
  await setting.selectOption('on');
  await expect(webglCanvas).toHaveCount(1);
  await expect(rows).toHaveCount(0);
  await page.locator(`.terminal-pane[data-terminal-id="${id}"] .xterm`).click();
  await page.keyboard.type('echo "drawn-by-$((1+1))"\n');
  await expect.poll(() => bufferOf(page, id), SLOW).toContain('drawn-by-2');

  await setting.selectOption('off');
  await expect(webglCanvas).toHaveCount(0);
  await expect(rows).toContainText('gpu-42');
  await expect(rows).toContainText('drawn-by-2');
  // The choice is a setting: it is there after a reload.
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).first().click();
  await expect(page.getByRole('region', { name: 'Settings' }).getByLabel('Terminal GPU acceleration')).toHaveValue('off');
});
