import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { startHost, tempDir, type RunningHost } from './web-host';

// "Show logs" (issue 12): what went wrong, on the host and in the page, reaches the user's log
// file in the data folder, and the app shows it from the command palette and from Settings.

let host: RunningHost;
let data: ReturnType<typeof tempDir>;

test.beforeAll(async () => {
  data = tempDir('cc-e2e-logs-');
  host = await startHost(data.dir, { CODECRAFTER_SANDBOX_WARM: 'none' });
});

test.afterAll(async () => {
  await host?.stop();
  data?.cleanup();
});

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  // Type only once the palette has focus, or the keys go to the page.
  const input = page.getByPlaceholder('Type a command');
  await expect(input).toBeFocused();
  await input.fill(title);
  await input.press('Enter');
}

test('a refused request and a page error are in the log that Show Logs displays', async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  const page = await context.newPage();
  await page.goto(host.url);

  // Main refuses to open a folder that does not exist.
  const missing = path.join(data.dir, 'no-such-folder');
  await page.getByLabel('Folder path on this machine').fill(missing);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Cannot open folder' })).toHaveCount(1);

  await runCommand(page, 'Developer: Show Logs');
  const dialog = page.getByRole('dialog', { name: 'Logs' });
  const logText = dialog.getByLabel('Log text');
  await expect(logText).toHaveValue(new RegExp(`WARN +\\[host\\] .*${missing.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
  await expect(logText).toHaveValue(/"channel":"workspace\.open"/);
  await expect(dialog.getByText(path.join(data.dir, 'logs'))).toBeVisible();
  // The browser host cannot open a folder in a file manager: no button that would only fail.
  await expect(dialog.getByRole('button', { name: 'Open Log Folder' })).toHaveCount(0);
  // Newest at the bottom, and the view starts there.
  const scrolledToEnd = await logText.evaluate((el: HTMLTextAreaElement) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2);
  expect(scrolledToEnd).toBe(true);

  // An uncaught error in the page reaches the file through app.log; Refresh shows it.
  await page.evaluate(() => setTimeout(() => { throw new Error('boom from the page 7f3a'); }));
  await expect.poll(async () => {
    await dialog.getByRole('button', { name: 'Refresh' }).click();
    return logText.inputValue();
  }, { timeout: 15_000 }).toMatch(/ERROR \[renderer\] uncaught: .*boom from the page 7f3a/);
  const shown = await logText.inputValue();
  expect(shown.trimEnd().split('\n').at(-1)).toContain('boom from the page 7f3a');

  await dialog.getByRole('button', { name: 'Copy' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('boom from the page 7f3a');

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Settings has the same door.
  await page.getByRole('button', { name: 'Settings' }).first().click();
  await page.getByRole('region', { name: 'Settings' }).getByRole('button', { name: 'Show Logs' }).click();
  await expect(page.getByRole('dialog', { name: 'Logs' }).getByLabel('Log text')).toHaveValue(/boom from the page 7f3a/);
  await page.getByRole('dialog', { name: 'Logs' }).getByRole('button', { name: 'Close' }).click();

  // The file itself: owner-only, in the data folder, with both records as JSON lines.
  const logDir = path.join(data.dir, 'logs');
  const files = readdirSync(logDir).filter((name) => name.endsWith('.log'));
  expect(files.length).toBeGreaterThan(0);
  const file = path.join(logDir, files.sort().at(-1)!);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const records = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(records.some((r) => r.component === 'host' && r.channel === 'workspace.open')).toBe(true);
  expect(records.some((r) => r.component === 'renderer' && String(r.error).includes('boom from the page 7f3a'))).toBe(true);
  await context.close();
});
