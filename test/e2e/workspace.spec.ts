import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyFixture, startHost, tempDir, type RunningHost } from './web-host';

// A new user's first session through the browser host: open a folder, edit and save, manage
// files, use the terminal, and come back to find the folder in the recent list. Every request the
// page makes must stay on 127.0.0.1.

let host: RunningHost;
let data: ReturnType<typeof tempDir>;
let workspace: ReturnType<typeof copyFixture>;
const outside: string[] = [];

async function guardNetwork(context: BrowserContext, page: Page): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(https?|wss?):\/\/127\.0\.0\.1[:/]/.test(url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page.on('websocket', (ws) => {
    if (!ws.url().startsWith('ws://127.0.0.1:')) outside.push(ws.url());
  });
}

async function editorText(page: Page): Promise<string> {
  const text = await page.locator('.monaco-editor .view-lines').innerText();
  return text.replace(/\u00a0/g, ' ');
}

test.beforeAll(async () => {
  data = tempDir('cc-e2e-data-');
  workspace = copyFixture('sample-workspace');
  host = await startHost(data.dir);
});

test.afterAll(async () => {
  await host?.stop();
  workspace?.cleanup();
  data?.cleanup();
});

test('a folder is opened, edited, saved, managed and remembered', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await guardNetwork(context, page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'CodeCrafter' })).toBeVisible();
  await expect(page.getByText('No recent folders yet.')).toBeVisible();

  // Open the fixture folder by path.
  await page.getByLabel('Folder path on this machine').fill(workspace.dir);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  const tree = page.getByRole('tree', { name: 'Files' });
  await expect(tree.getByRole('treeitem', { name: 'README.md' })).toBeVisible();

  // Open a file, type with the keyboard, save with Ctrl+S.
  await tree.getByRole('treeitem', { name: 'src' }).click();
  await tree.getByRole('treeitem', { name: 'main.py' }).click();
  await expect(page.getByRole('tab', { name: 'main.py', exact: true })).toBeVisible();
  await expect(page.getByText('Python', { exact: true })).toBeVisible();
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('# edited in CodeCrafter\n');
  await expect(page.getByRole('tab', { name: 'main.py (unsaved)' })).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('tab', { name: 'main.py', exact: true })).toBeVisible();
  const mainPy = path.join(workspace.dir, 'src', 'main.py');
  expect(readFileSync(mainPy, 'utf8')).toMatch(/^# edited in CodeCrafter\ndef greet\(name\):/);

  // A change made outside the editor is merged into the open file, not swapped in whole.
  await page.keyboard.type('x = 1\n');
  writeFileSync(mainPy, readFileSync(mainPy, 'utf8').replace('print(greet("world"))', 'print(greet("disk"))'));
  await expect.poll(() => editorText(page)).toContain('print(greet("disk"))');
  expect(await editorText(page)).toContain('x = 1');
  await page.keyboard.press('Control+s');
  await expect.poll(() => readFileSync(mainPy, 'utf8')).toContain('x = 1\ndef greet');
  expect(readFileSync(mainPy, 'utf8')).toContain('print(greet("disk"))');

  // Create a file in the selected folder.
  await tree.getByRole('treeitem', { name: 'src' }).click(); // collapses; selection is src
  await page.getByRole('button', { name: 'New file' }).click();
  await page.getByLabel('New file name').fill('helper.py');
  await page.getByLabel('New file name').press('Enter');
  await expect(tree.getByRole('treeitem', { name: 'helper.py' })).toBeVisible();
  expect(existsSync(path.join(workspace.dir, 'src', 'helper.py'))).toBe(true);
  await expect(page.getByRole('tab', { name: 'helper.py', exact: true })).toBeVisible();

  // A name that leaves the workspace is refused before anything is sent.
  await page.getByRole('button', { name: 'New file' }).click();
  await page.getByLabel('New file name').fill('../escape.py');
  await expect(page.getByRole('alert').filter({ hasText: 'would leave the workspace' })).toBeVisible();
  await page.getByLabel('New file name').press('Escape');
  expect(existsSync(path.join(workspace.dir, 'escape.py'))).toBe(false);

  // Rename it.
  await tree.getByRole('treeitem', { name: 'helper.py' }).click();
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('Rename to').fill('helpers.py');
  await page.getByLabel('Rename to').press('Enter');
  await expect(tree.getByRole('treeitem', { name: 'helpers.py' })).toBeVisible();
  expect(existsSync(path.join(workspace.dir, 'src', 'helpers.py'))).toBe(true);
  expect(existsSync(path.join(workspace.dir, 'src', 'helper.py'))).toBe(false);
  await expect(page.getByRole('tab', { name: 'helpers.py', exact: true })).toBeVisible();

  // Delete it, with confirmation; cancelling first keeps it.
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  expect(existsSync(path.join(workspace.dir, 'src', 'helpers.py'))).toBe(true);
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('cannot be undone');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(tree.getByRole('treeitem', { name: 'helpers.py' })).toHaveCount(0);
  expect(existsSync(path.join(workspace.dir, 'src', 'helpers.py'))).toBe(false);

  // A file created outside shows up in the tree.
  writeFileSync(path.join(workspace.dir, 'made-outside.txt'), 'hello');
  await expect(tree.getByRole('treeitem', { name: 'made-outside.txt' })).toBeVisible();

  // Quick open.
  await page.keyboard.press('Control+p');
  await page.getByRole('combobox', { name: 'Go to file' }).fill('util');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'util.ts', exact: true })).toBeVisible();
  await expect(page.getByText('TypeScript', { exact: true })).toBeVisible();

  // The terminal: a real shell in the workspace folder.
  await page.getByRole('button', { name: 'New terminal' }).click();
  const terminal = page.locator('.terminal-host:not([hidden]) .xterm');
  await expect(terminal).toBeVisible();
  await terminal.click();
  await page.keyboard.type('echo "marker-$((6*7))" && pwd\n');
  const rows = page.locator('.terminal-host:not([hidden]) .xterm-rows');
  await expect(rows).toContainText('marker-42');
  await expect(rows).toContainText(path.basename(workspace.dir));
  // Ctrl+` hides and shows the panel.
  await page.keyboard.press('Control+Backquote');
  await expect(page.getByRole('region', { name: 'Panel' })).toHaveCount(0);
  await page.keyboard.press('Control+Backquote');
  await expect(page.getByRole('region', { name: 'Panel' })).toBeVisible();

  expect(errors).toEqual([]);
  expect(outside).toEqual([]);
  await context.close();
});

test('the recent folder list comes back from SQLite after the host restarts', async ({ browser }) => {
  await host.stop();
  host = await startHost(data.dir);
  const context = await browser.newContext();
  const page = await context.newPage();
  await guardNetwork(context, page);
  await page.goto(host.url);
  const recent = page.getByRole('region', { name: 'Recent folders' });
  await expect(recent.getByRole('button', { name: 'sample-workspace', exact: true })).toBeVisible();
  await page.reload();
  await expect(recent.getByRole('button', { name: 'sample-workspace', exact: true })).toBeVisible();
  await recent.getByRole('button', { name: 'sample-workspace', exact: true }).click();
  await expect(page.getByRole('tree', { name: 'Files' }).getByRole('treeitem', { name: 'made-outside.txt' })).toBeVisible();
  expect(outside).toEqual([]);
  await context.close();
});
