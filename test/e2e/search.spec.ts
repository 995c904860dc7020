import { expect, test } from '@playwright/test';
import { habitsWorkspace, openWorkspace } from './habits-workspace';
import { startHost, tempDir, type RunningHost } from './web-host';

// Issue 11: search across files (Ctrl+Shift+F) through the main-side workspace.search service.

let host: RunningHost;
let data: ReturnType<typeof tempDir>;
let workspace: ReturnType<typeof habitsWorkspace>;

test.beforeAll(async () => {
  data = tempDir('cc-e2e-search-');
  workspace = habitsWorkspace();
  host = await startHost(data.dir);
});

test.afterAll(async () => {
  await host?.stop();
  workspace?.cleanup();
  data?.cleanup();
});

test('Ctrl+Shift+F searches the folder, with options and globs, and opens a match', async ({ page }) => {
  await openWorkspace(page, host.url, workspace.dir);
  await page.getByRole('tree', { name: 'Files' }).click();
  await page.keyboard.press('Control+Shift+F');
  const view = page.getByRole('region', { name: 'Search' });
  const query = view.getByLabel('Search query');
  await expect(query).toBeFocused();
  const results = view.getByRole('tree', { name: 'Search results' });
  const summary = view.getByRole('status', { name: 'Search summary' });

  // Case-insensitive by default; node_modules and binary files are skipped.
  await query.fill('greet');
  await expect(summary).toHaveText('4 results in 2 files');
  await expect(results.getByRole('treeitem', { name: /^src\/util\.py, 3 matches/ })).toBeVisible();
  await expect(results.getByRole('treeitem', { name: /^notes\.txt, 1 match/ })).toBeVisible();
  await expect(results.getByRole('treeitem', { name: /index\.js|blob\.bin/ })).toHaveCount(0);

  const matchCase = view.getByRole('button', { name: 'Match case' });
  await matchCase.click();
  await expect(matchCase).toHaveAttribute('aria-pressed', 'true');
  await expect(summary).toHaveText('3 results in 1 file');
  const wholeWord = view.getByRole('button', { name: 'Match whole word' });
  await wholeWord.click();
  await expect(summary).toHaveText('2 results in 1 file');
  const regex = view.getByRole('button', { name: 'Use regular expression' });
  await regex.click();
  await query.fill('gre+t_\\w+');
  await expect(summary).toHaveText('1 result in 1 file');
  await query.fill('gre+t_\\w+x');
  await expect(summary).toHaveText('No results');
  await query.fill('gre(');
  await expect(view.getByRole('alert')).toContainText('regular expression');

  // Include and exclude globs.
  await regex.click();
  await wholeWord.click();
  await matchCase.click();
  await query.fill('greet');
  await view.getByLabel('Files to exclude').fill('src/**');
  await expect(summary).toHaveText('1 result in 1 file');
  await view.getByLabel('Files to exclude').fill('');
  await view.getByLabel('Files to include').fill('**/*.py');
  await expect(summary).toHaveText('3 results in 1 file');

  // A click opens the file at the line with the match selected.
  await results.getByRole('treeitem', { name: /^src\/util\.py:5/ }).click();
  await expect(page.getByRole('tab', { name: 'util.py', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Go to Line/Column' })).toHaveText('Ln 5, Col 10 (5 selected)');

  // By keyboard: arrows move between results, Enter opens one.
  await results.getByRole('treeitem', { name: /^src\/util\.py:2/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(results.getByRole('treeitem', { name: /^src\/util\.py:3/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Go to Line/Column' })).toHaveText('Ln 3, Col 17 (5 selected)');
});
