import { expect, test } from '@playwright/test';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { habitsWorkspace, openFile, openWorkspace } from './habits-workspace';
import { startHost, tempDir, type RunningHost } from './web-host';

// Issue 11: the Explorer's context menu (mouse and keyboard) and its file icons.

let host: RunningHost;
let data: ReturnType<typeof tempDir>;
let workspace: ReturnType<typeof habitsWorkspace>;

test.beforeAll(async () => {
  data = tempDir('cc-e2e-explorer-');
  workspace = habitsWorkspace();
  host = await startHost(data.dir);
});

test.afterAll(async () => {
  await host?.stop();
  workspace?.cleanup();
  data?.cleanup();
});

test('the Explorer has a context menu, reachable by mouse and keyboard, and icons by file kind', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openWorkspace(page, host.url, workspace.dir);
  const tree = page.getByRole('tree', { name: 'Files' });
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  // Icons by kind, drawn inline.
  await expect(tree.getByRole('treeitem', { name: 'main.py' }).locator('[data-icon="python"]')).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: 'notes.txt' }).locator('[data-icon="text"]')).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: 'src' }).locator('[data-icon="folder"]')).toBeVisible();

  // Mouse: every action is listed; Copy Relative Path puts the workspace path on the clipboard.
  await tree.getByRole('treeitem', { name: 'main.py' }).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'main.py actions' });
  await expect(menu).toBeVisible();
  for (const item of ['New File…', 'New Folder…', 'Run', 'Copy Path', 'Copy Relative Path', 'Rename…', 'Delete', 'Reveal Active File', 'Collapse All']) {
    await expect(menu.getByRole('menuitem', { name: item, exact: true })).toBeVisible();
  }
  await menu.getByRole('menuitem', { name: 'Copy Relative Path' }).click();
  await expect(menu).toHaveCount(0);
  await expect.poll(clipboard).toBe('main.py');

  // New File inside a folder from the folder's menu.
  await tree.getByRole('treeitem', { name: 'src' }).click({ button: 'right' });
  await page.getByRole('menu', { name: 'src actions' }).getByRole('menuitem', { name: 'New File…' }).click();
  await page.getByLabel('New file name').fill('extra.py');
  await page.getByLabel('New file name').press('Enter');
  await expect(tree.getByRole('treeitem', { name: 'extra.py' })).toBeVisible();
  expect(existsSync(path.join(workspace.dir, 'src', 'extra.py'))).toBe(true);

  // Keyboard: Shift+F10 opens the menu on the selected row, arrows move, Enter acts, Escape returns.
  // A click opens the file in the editor (and focuses it); keyboard users come back to the tree.
  await tree.getByRole('treeitem', { name: 'util.py' }).click();
  // The editor takes the focus once the file is open; only then does the user come back.
  await expect(page.getByRole('tab', { name: 'util.py', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.monaco-editor.focused')).toHaveCount(1);
  await tree.focus();
  await page.keyboard.press('Shift+F10');
  const utilMenu = page.getByRole('menu', { name: 'util.py actions' });
  await expect(utilMenu.getByRole('menuitem', { name: 'New File…' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(utilMenu.getByRole('menuitem', { name: 'Copy Path' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(utilMenu).toHaveCount(0);
  await expect.poll(clipboard).toBe(path.join(realpathSync(workspace.dir), 'src', 'util.py'));
  await tree.focus();
  await page.keyboard.press('ContextMenu');
  await expect(utilMenu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(utilMenu).toHaveCount(0);
  await expect(tree).toBeFocused();

  // Rename and Delete from the menu.
  await tree.getByRole('treeitem', { name: 'notes.txt' }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  await page.getByLabel('Rename to').fill('notes.md');
  await page.getByLabel('Rename to').press('Enter');
  await expect(tree.getByRole('treeitem', { name: 'notes.md' })).toBeVisible();
  expect(readFileSync(path.join(workspace.dir, 'notes.md'), 'utf8')).toBe('Greet everyone.\n');
  await tree.getByRole('treeitem', { name: 'notes.md' }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(tree.getByRole('treeitem', { name: 'notes.md' })).toHaveCount(0);
  expect(existsSync(path.join(workspace.dir, 'notes.md'))).toBe(false);

  // Collapse All, then Reveal Active File opens the folders down to the file in the editor.
  await openFile(page, 'util.py');
  await tree.getByRole('treeitem', { name: 'main.py' }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Collapse All' }).click();
  await expect(tree.getByRole('treeitem', { name: 'src' })).toHaveAttribute('aria-expanded', 'false');
  await expect(tree.getByRole('treeitem', { name: 'util.py' })).toHaveCount(0);
  await tree.getByRole('treeitem', { name: 'main.py' }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Reveal Active File' }).click();
  await expect(tree.getByRole('treeitem', { name: 'util.py' })).toHaveAttribute('aria-selected', 'true');

  // Run from the menu runs that file, whichever tab is active.
  await tree.getByRole('treeitem', { name: 'crash.py' }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Run result' })).toHaveText(/^crash\.py — runtime-error/, { timeout: 60_000 });
});
