import { expect, test } from '@playwright/test';
import { copyFixture, startHost, tempDir, type RunningHost } from './web-host';

// Running code from the editor: the sandbox through the browser host, with the real dockerd and
// the images `npm run images` built.

let host: RunningHost;
let data: ReturnType<typeof tempDir>;
let workspace: ReturnType<typeof copyFixture>;

test.beforeAll(async () => {
  data = tempDir('cc-e2e-run-');
  workspace = copyFixture('run-workspace');
  host = await startHost(data.dir);
});

test.afterAll(async () => {
  await host?.stop();
  workspace?.cleanup();
  data?.cleanup();
});

test('Ctrl+Enter runs the open file in a sandbox, with stdin, verdicts and history', async ({ page }) => {
  await page.goto(host.url);
  await page.getByLabel('Folder path on this machine').fill(workspace.dir);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  const tree = page.getByRole('tree', { name: 'Files' });
  await tree.getByRole('treeitem', { name: 'main.py' }).click();
  await expect(page.getByRole('tab', { name: 'main.py', exact: true })).toBeVisible();

  await expect(page.getByRole('button', { name: 'Sandbox state' })).toHaveText('Sandbox ready');
  await page.getByRole('tab', { name: 'Run' }).click();
  await page.getByLabel('Standard input').fill('Ada\n');
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Enter');
  const verdict = page.getByRole('status', { name: 'Verdict' });
  await expect(verdict).not.toHaveCount(0, { timeout: 60_000 });
  await expect(verdict, await page.locator('.run-status').innerText()).toHaveText('OK', { timeout: 60_000 });
  await expect(page.getByLabel('Program output')).toHaveText('Hello, Ada!\n');
  await expect(page.locator('.run-status .measures')).toContainText('ms wall');

  // What runs is the editor's text, saved or not.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('print("unsaved line")');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByLabel('Program output')).toHaveText('Hello, Ada!\nunsaved line\n', { timeout: 60_000 });

  // A failing program: its exit code and stderr.
  await tree.getByRole('treeitem', { name: 'crash.py' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(verdict).toHaveText('Runtime error (exit code 3)', { timeout: 60_000 });
  await expect(page.locator('.output .out-stderr')).toHaveText('about to fail\n');

  // Every run is in the execution history, kept in SQLite.
  const history = page.getByRole('region', { name: 'Execution history' });
  await expect(history.getByRole('listitem')).toHaveCount(3);
  await expect(history.getByRole('listitem').first()).toContainText('crash.py');
  await page.reload();
  await page.getByRole('tab', { name: 'Run' }).click();
  await expect(page.getByRole('region', { name: 'Execution history' }).getByRole('listitem')).toHaveCount(3);
});
