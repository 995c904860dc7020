import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { editorText, habitsWorkspace, openFile, openWorkspace, quickOpen } from './habits-workspace';
import { startHost, tempDir, type RunningHost } from './web-host';

// Issue 11: the editor habits of VS Code users — Save in the close-unsaved dialog, a clickable
// Ln/Col and language in the status bar, and editor settings kept in SQLite and applied live.

let host: RunningHost;
let data: ReturnType<typeof tempDir>;
let workspace: ReturnType<typeof habitsWorkspace>;

test.beforeAll(async () => {
  data = tempDir('cc-e2e-editor-');
  workspace = habitsWorkspace();
  host = await startHost(data.dir);
});

test.afterAll(async () => {
  await host?.stop();
  workspace?.cleanup();
  data?.cleanup();
});

const onDisk = (name: string) => readFileSync(path.join(workspace.dir, name), 'utf8');

test('closing an unsaved file offers Save, Don\'t Save and Cancel', async ({ page }) => {
  await openWorkspace(page, host.url, workspace.dir);
  await openFile(page, 'main.py');
  const before = onDisk('main.py');
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('# kept\n');
  const dialog = page.getByRole('alertdialog', { name: 'Save changes to "main.py"?' });

  await page.getByRole('button', { name: 'Close main.py' }).click();
  await expect(dialog.getByRole('button', { name: 'Save', exact: true })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('tab', { name: 'main.py (unsaved)' })).toBeVisible();
  expect(onDisk('main.py')).toBe(before);

  await page.getByRole('button', { name: 'Close main.py' }).click();
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('tab', { name: /main\.py/ })).toHaveCount(0);
  expect(onDisk('main.py')).toBe(`# kept\n${before}`);

  await openFile(page, 'main.py');
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('# dropped\n');
  await page.getByRole('button', { name: 'Close main.py' }).click();
  await dialog.getByRole('button', { name: "Don't Save" }).click();
  await expect(page.getByRole('tab', { name: /main\.py/ })).toHaveCount(0);
  expect(onDisk('main.py')).toBe(`# kept\n${before}`);
});

test('Ln/Col opens Go to Line (Ctrl+G too) and the language opens a picker for that file', async ({ page }) => {
  await openWorkspace(page, host.url, workspace.dir);
  await openFile(page, 'crash.py');
  const position = page.getByRole('button', { name: 'Go to Line/Column' });
  await expect(position).toHaveText('Ln 1, Col 1');
  await position.click();
  await expect(page.locator('.quick-input-widget')).toBeVisible();
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(position).toHaveText('Ln 3, Col 1');

  await page.getByRole('tree', { name: 'Files' }).focus();
  await page.keyboard.press('Control+g');
  await expect(page.locator('.quick-input-widget')).toBeVisible();
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect(position).toHaveText('Ln 2, Col 1');

  const language = page.getByRole('button', { name: 'Select Language Mode' });
  await expect(language).toHaveText('Python');
  await language.click();
  const picker = page.getByRole('dialog', { name: 'Select language mode' });
  await picker.getByRole('combobox').fill('plain text');
  await page.keyboard.press('Enter');
  await expect(language).toHaveText('Plain Text');
  await expect(page.locator('.monaco-editor .view-lines .mtk1').first()).toBeVisible();
  await openFile(page, 'main.py');
  await expect(language).toHaveText('Python');
  await page.getByRole('tab', { name: 'crash.py', exact: true }).click();
  await expect(language).toHaveText('Plain Text');
});

test('tab size, insert spaces, word wrap and autosave are kept in SQLite and applied live', async ({ page }) => {
  await openWorkspace(page, host.url, workspace.dir);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('region', { name: 'Settings' });
  await settings.getByLabel('Tab size').fill('3');
  await expect(settings.getByLabel('Insert spaces')).toBeChecked();

  await quickOpen(page, 'crash.py');
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Tab');
  await expect.poll(() => editorText(page)).toMatch(/^ {3}import sys/);
  await settings.getByLabel('Insert spaces').uncheck();
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+s');
  await expect.poll(() => onDisk('crash.py')).toMatch(/^\t {3}import sys/);

  // Word wrap: the long line becomes several view lines.
  await quickOpen(page, 'long.txt');
  await expect(page.locator('.monaco-editor .view-line')).toHaveCount(2);
  await settings.getByLabel('Word wrap').selectOption('on');
  await expect.poll(() => page.locator('.monaco-editor .view-line').count()).toBeGreaterThan(2);

  // Autosave after a delay, then on focus change.
  await settings.getByLabel('Auto save', { exact: true }).selectOption('afterDelay');
  await settings.getByLabel('Auto save delay (ms)').fill('300');
  await quickOpen(page, 'main.py');
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('# after delay');
  await expect.poll(() => onDisk('main.py')).toContain('# after delay');
  await settings.getByLabel('Auto save', { exact: true }).selectOption('onFocusChange');
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('# on blur');
  await page.waitForTimeout(1000);
  expect(onDisk('main.py')).not.toContain('# on blur');
  await settings.getByLabel('Tab size').focus();
  await expect.poll(() => onDisk('main.py')).toContain('# on blur');

  // Kept in the host's SQLite settings: a new page shows them.
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  const again = page.getByRole('region', { name: 'Settings' });
  await expect(again.getByLabel('Tab size')).toHaveValue('3');
  await expect(again.getByLabel('Insert spaces')).not.toBeChecked();
  await expect(again.getByLabel('Word wrap')).toHaveValue('on');
  await expect(again.getByLabel('Auto save', { exact: true })).toHaveValue('onFocusChange');
  await expect(again.getByLabel('Auto save delay (ms)')).toHaveValue('300');
});
