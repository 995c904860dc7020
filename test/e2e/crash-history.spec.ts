import { expect, test, type Page } from '@playwright/test';
import { copyFixture, startHost, tempDir, type RunningHost } from './web-host';

// Crash safety of the history log (issue 5): the host is killed with SIGKILL while the page types.
// What the page had been told was stored ("Saved to history", up to edit N) must all be there
// after a restart, restored into the editor without the file ever having been saved.

let host: RunningHost | undefined;
let data: ReturnType<typeof tempDir>;
let workspace: ReturnType<typeof copyFixture>;

test.beforeAll(() => {
  data = tempDir('cc-e2e-crash-');
  workspace = copyFixture('sample-workspace');
});

test.afterAll(async () => {
  await host?.stop();
  workspace?.cleanup();
  data?.cleanup();
});

async function durableSeq(page: Page): Promise<number> {
  return Number(await page.getByRole('status', { name: 'History' }).getAttribute('data-durable-seq'));
}

async function firstLine(page: Page): Promise<string> {
  const text = await page.locator('.editor-group .monaco-editor .view-line').first().innerText();
  return text.replace(/\u00a0/g, ' ');
}

async function openWorkspace(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Folder path on this machine').fill(workspace.dir);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('status', { name: 'History' })).toHaveText('Saved to history');
}

test('edits acknowledged as stored survive kill -9 of the host', async ({ page }) => {
  host = await startHost(data.dir);
  await openWorkspace(page, host.url);
  await page.getByRole('tree', { name: 'Files' }).getByRole('treeitem', { name: 'README.md' }).click();
  await expect(page.getByRole('status', { name: 'History' })).toHaveText('Saved to history');
  await page.locator('.editor-group .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Home');

  // One key is one Yjs update is one edit number: checked here, relied on below.
  const before = await durableSeq(page);
  await page.keyboard.type('abcde');
  await expect(page.getByRole('status', { name: 'History' })).toHaveText('Saved to history');
  await expect.poll(() => durableSeq(page)).toBe(before + 5);
  const base = before + 5;

  const typed = 'the quick brown fox jumps over the lazy dog '.repeat(6);
  const typing = page.keyboard.type(typed, { delay: 20 });
  await expect.poll(() => durableSeq(page), { timeout: 30_000 }).toBeGreaterThan(base + 60);
  const acknowledged = (await durableSeq(page)) - base;
  host.process.kill('SIGKILL');
  await new Promise<void>((resolve) => (host!.process.exitCode !== null || host!.process.signalCode !== null ? resolve() : host!.process.once('exit', () => resolve())));
  await typing;
  expect(acknowledged).toBeLessThan(typed.length);

  // A new host on the same data folder; the page comes back and opens the folder again.
  host = await startHost(data.dir);
  await openWorkspace(page, host.url);
  await expect(page.getByRole('tab', { name: /README\.md/ })).toBeVisible();
  await expect(page.getByText('Restored from history with edits that are not on disk: README.md')).toBeVisible();
  const restored = await firstLine(page);
  expect(restored.startsWith(`abcde${typed.slice(0, acknowledged)}`), `restored first line: ${restored}`).toBe(true);
  expect(restored.endsWith('# Sample workspace')).toBe(true);
  // The session goes on: what is typed now is stored after the restored edits.
  await expect.poll(() => durableSeq(page)).toBeGreaterThanOrEqual(base + acknowledged);
});

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  // Type only once the palette has focus, or the keys go to the editor.
  const input = page.getByPlaceholder('Type a command');
  await expect(input).toBeFocused();
  await input.fill(title);
  await input.press('Enter');
}

test('unsaved edits come back when a folder is opened again in the same window', async ({ page }) => {
  const other = tempDir('cc-e2e-other-');
  try {
    await host?.stop();
    host = await startHost(data.dir);
    await openWorkspace(page, host.url);
    await page.getByRole('tree', { name: 'Files' }).getByRole('treeitem', { name: 'README.md' }).click();
    await page.locator('.editor-group .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('kept without saving ');
    await expect(page.getByRole('status', { name: 'History' })).toHaveText('Saved to history');

    // Another folder, then this one again, in the same page: no reload, the same doc.
    await runCommand(page, 'File: Close Folder');
    await page.getByLabel('Folder path on this machine').fill(other.dir);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByRole('status', { name: 'History' })).toHaveText('Saved to history');
    await runCommand(page, 'File: Close Folder');
    await page.getByLabel('Folder path on this machine').fill(workspace.dir);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByRole('tab', { name: /README\.md/ })).toBeVisible();
    await expect.poll(() => firstLine(page)).toMatch(/^kept without saving /);
  } finally {
    other.cleanup();
  }
});
