import { expect, test } from '@playwright/test';
import { habitsWorkspace, openFile, openWorkspace } from './habits-workspace';
import { startHost, tempDir, type RunningHost } from './web-host';

// Issue 11: the run panel as VS Code, Replit and CoderPad users expect it — Ctrl+` always reaches
// a terminal, a Run button on the editor, stdin per file, editable limits, an elapsed-time
// counter and output that names its file. Real dockerd, real sandbox images.

let host: RunningHost;
let data: ReturnType<typeof tempDir>;
let workspace: ReturnType<typeof habitsWorkspace>;

test.beforeAll(async () => {
  data = tempDir('cc-e2e-run-habits-');
  workspace = habitsWorkspace();
  host = await startHost(data.dir);
});

test.afterAll(async () => {
  await host?.stop();
  workspace?.cleanup();
  data?.cleanup();
});

test('Ctrl+` shows the terminal even when the Run tab was shown last', async ({ page }) => {
  await openWorkspace(page, host.url, workspace.dir);
  await openFile(page, 'main.py');
  await page.getByRole('tab', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Run', exact: true })).toHaveAttribute('aria-selected', 'true');

  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Backquote');
  const terminalTab = page.getByRole('tab', { name: 'Terminal', exact: true });
  await expect(terminalTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.terminal-host:not([hidden]) .xterm')).toBeVisible();
  await expect(page.locator('.terminal-host:not([hidden]) .xterm-helper-textarea')).toBeFocused();

  // From the focused terminal the same key hides the panel, and brings the terminal back.
  await page.keyboard.press('Control+Backquote');
  await expect(page.getByRole('region', { name: 'Panel' })).toHaveCount(0);
  await page.keyboard.press('Control+Backquote');
  await expect(terminalTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.terminal-host:not([hidden]) .xterm-helper-textarea')).toBeFocused();
});

test('the editor Run button, stdin per file, limits, elapsed time and a named result', async ({ page }) => {
  await openWorkspace(page, host.url, workspace.dir);
  await openFile(page, 'main.py');
  const runMain = page.getByRole('button', { name: 'Run main.py' });
  await expect(runMain).toBeVisible();
  await page.getByRole('tab', { name: 'Run', exact: true }).click();
  const stdin = page.getByLabel('Standard input');
  await stdin.fill('Ada\n');
  await runMain.click();
  const result = page.getByRole('status', { name: 'Run result' });
  await expect(result).toHaveText(/^main\.py — ok · \d+\.\d\d s · \d+ MB$/, { timeout: 60_000 });
  await expect(page.getByLabel('Program output')).toHaveText('Hello, Ada!\n');

  // Each file keeps its own stdin, and it survives a reload.
  await openFile(page, 'crash.py');
  await expect(stdin).toHaveValue('');
  await stdin.fill('for crash');
  await page.getByRole('tab', { name: 'main.py', exact: true }).click();
  await expect(stdin).toHaveValue('Ada\n');
  await page.reload();
  await openWorkspace(page, host.url, workspace.dir);
  await openFile(page, 'main.py');
  await page.getByRole('tab', { name: 'Run', exact: true }).click();
  await expect(page.getByLabel('Standard input')).toHaveValue('Ada\n');

  // Limits are validated before anything runs.
  const time = page.getByLabel('Time limit (ms)');
  const memory = page.getByLabel('Memory limit (MB)');
  await time.fill('50');
  await expect(time).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'at least 100 ms' })).toBeVisible();
  await memory.fill('4');
  await expect(memory).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Run main.py' })).toBeDisabled();
  await memory.fill('128');
  await expect(memory).toHaveAttribute('aria-invalid', 'false');

  // A valid limit goes with the run: a program sleeping 6 s stops at 1.5 s, and the counter runs meanwhile.
  await time.fill('1500');
  await expect(time).toHaveAttribute('aria-invalid', 'false');
  await openFile(page, 'slow.py');
  await page.getByRole('button', { name: 'Run slow.py' }).click();
  const timer = page.getByRole('timer', { name: 'Elapsed time' });
  await expect(timer).toHaveText(/^\d+\.\d s$/, { timeout: 60_000 });
  await expect(result).toHaveText(/^slow\.py — time-limit · \d+\.\d\d s/, { timeout: 60_000 });
  await expect(timer).toHaveCount(0);
  await expect(page.getByLabel('Program output')).toHaveText('start\n');
});
