import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { copyFixture, startHost, tempDir, type RunningHost } from './web-host';

// History and replay through the browser host (issue 5): a short solo session with edits, a run in
// the sandbox and a terminal is recorded; the player shows its markers and, when seeking, the text
// and terminal as they were; snapshots restore, a moment forks into a new folder, and a broken
// session file is refused on import without touching anything.

let host: RunningHost;
let data: ReturnType<typeof tempDir>;
let workspace: ReturnType<typeof copyFixture>;
let scratch: ReturnType<typeof tempDir>;

test.beforeAll(async () => {
  data = tempDir('cc-e2e-replay-');
  scratch = tempDir('cc-e2e-replay-out-');
  workspace = copyFixture('run-workspace');
  host = await startHost(data.dir);
});

test.afterAll(async () => {
  await host?.stop();
  workspace?.cleanup();
  scratch?.cleanup();
  data?.cleanup();
});

const clean = (s: string) => s.replace(/\u00a0/g, ' ');
const replayText = async (page: Page) => clean(await page.locator('.replay-editor .view-lines').innerText());
const liveText = async (page: Page) => clean(await page.locator('.editor-group .monaco-editor .view-lines').innerText());

/** Clicks a marker, opening the group of markers it shares a spot with when it is in one. */
async function clickMarker(player: Locator, name: RegExp): Promise<void> {
  const markers = player.getByRole('toolbar', { name: 'Markers' });
  const target = markers.getByRole('button', { name });
  if (!(await target.isVisible())) {
    const groups = markers.getByRole('button', { name: /^\d+ markers at / });
    for (let i = 0; i < (await groups.count()) && !(await target.isVisible()); i++) await groups.nth(i).click();
  }
  await target.click();
}

test('a session with a run is recorded and replayed: markers, seeking, terminal, diff, snapshot, fork, export and import', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url);
  await page.getByLabel('Folder path on this machine').fill(workspace.dir);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  const saved = page.getByRole('status', { name: 'History' });
  await expect(saved).toHaveText('Saved to history');

  // Record: an edit, a run, terminal output, another edit.
  await page.getByRole('tree', { name: 'Files' }).getByRole('treeitem', { name: 'main.py' }).click();
  await page.locator('.editor-group .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# before run');
  await page.getByRole('tab', { name: 'Run' }).click();
  await page.getByLabel('Standard input').fill('Ada\n');
  await page.locator('.editor-group .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status', { name: 'Verdict' })).toHaveText('OK', { timeout: 60_000 });

  await page.getByRole('tab', { name: 'Terminal' }).click();
  await page.getByRole('button', { name: 'New terminal' }).click();
  const terminal = page.locator('.terminal-host:not([hidden]) .xterm');
  await terminal.click();
  await page.keyboard.type('echo replay-$((6*7))\n');
  await expect(page.locator('.terminal-host:not([hidden]) .xterm-rows')).toContainText('replay-42');

  await page.locator('.editor-group .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  // A paste and the window losing focus are markers too.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'PASTED');
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    window.dispatchEvent(new Event('blur'));
    window.dispatchEvent(new Event('focus'));
  });
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# after run');
  await expect(saved).toHaveText('Saved to history');

  // Replay it.
  await page.getByRole('button', { name: 'Replay', exact: true }).click();
  await page.getByRole('button', { name: `Replay ${path.basename(workspace.dir)}` }).click();
  const player = page.getByRole('region', { name: 'Replay' });
  // Markers say what happened in words (issue 11): the file that ran, its verdict and time.
  const RUN_OK = /^Run main\.py — ok \(\d+\.\d+ s\) at /;
  const markers = player.getByRole('toolbar', { name: 'Markers' });
  await expect(markers.getByRole('button', { name: RUN_OK, includeHidden: true })).toHaveCount(1);
  await expect(markers.getByRole('button', { name: /^Run main\.py started at /, includeHidden: true })).toHaveCount(1);
  await expect(markers.getByRole('button', { name: /^Pasted 6 characters into main\.py at /, includeHidden: true })).toHaveCount(1);
  await expect(markers.getByRole('button', { name: /^Window lost focus at /, includeHidden: true })).toHaveCount(1);
  await expect(markers.getByRole('button', { name: /run [0-9a-f-]{36}/i, includeHidden: true })).toHaveCount(0);
  const runMarker = { click: () => clickMarker(player, RUN_OK) };
  await expect(player.getByRole('list', { name: 'Participants' }).getByRole('listitem', { name: /^you: \d+ edits$/ })).toHaveCount(1);
  await expect(player.getByRole('tab', { name: 'main.py' })).toBeVisible();
  await expect.poll(() => replayText(page)).toContain('# after run');

  // Seek to the run: the text as it was then, and no terminal output yet.
  await runMarker.click();
  await expect.poll(() => replayText(page)).not.toContain('# after run');
  expect(await replayText(page)).toContain('# before run');
  const terminalView = player.getByRole('img', { name: /^Terminal t\d+ as it was$/ });
  await expect(terminalView).not.toContainText('replay-42');
  const runSeq = Number(await player.getByLabel('Replay position').inputValue());
  await expect(player.getByRole('list', { name: 'Cursors' })).toContainText(/you: Ln \d+, Col \d+/);

  // Arrow keys step one edit at a time.
  const slider = player.getByLabel('Replay position');
  await slider.focus();
  await page.keyboard.press('End');
  await expect.poll(() => replayText(page)).toContain('# after run');
  await expect(terminalView).toContainText('replay-42');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => replayText(page)).not.toContain('# after run');
  expect(await replayText(page)).toContain('# after ru');

  // A diff between the run and the end.
  await runMarker.click();
  await expect.poll(() => slider.inputValue()).toBe(String(runSeq));
  await player.getByRole('button', { name: 'Compare from here' }).click();
  await slider.focus();
  await page.keyboard.press('End');
  await expect(player.getByRole('article', { name: 'Diff of main.py' }).locator('ins')).toContainText('# after run');

  // Playback from the start at 32x reaches the end.
  await player.getByLabel('Playback speed').selectOption('32');
  await player.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(player.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(player.getByRole('status', { name: 'Replay time' })).toHaveText(/edit (\d+) of \1$/, { timeout: 30_000 });

  // A named snapshot at the run, then restored into the live editor.
  await runMarker.click();
  await expect.poll(() => slider.inputValue()).toBe(String(runSeq));
  await player.getByLabel('Snapshot name').fill('at the run');
  await player.getByRole('button', { name: 'Save snapshot' }).click();
  await expect(player.getByRole('list', { name: 'Saved snapshots' })).toContainText(`at the run (edit ${runSeq})`);
  await expect(player.getByRole('toolbar', { name: 'Markers' }).getByRole('button', { name: /^Snapshot “at the run”/, includeHidden: true })).toHaveCount(1);
  await player.getByRole('button', { name: 'Restore at the run' }).click();
  await expect(player).toHaveCount(0);
  await expect.poll(() => liveText(page)).toContain('# before run');
  expect(await liveText(page)).not.toContain('# after run');

  // Export, then imports of a truncated and a corrupted copy are refused; the good one is replayed.
  await page.getByRole('button', { name: `Replay ${path.basename(workspace.dir)}` }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Export ${path.basename(workspace.dir)}` }).click(),
  ]);
  const file = path.join(scratch.dir, 'session.ccsession');
  await download.saveAs(file);
  const bytes = readFileSync(file);
  const sessions = page.getByRole('list', { name: 'Recorded sessions' }).getByRole('listitem');
  await expect(sessions).toHaveCount(1);
  const input = page.getByLabel('Session file to import');
  const view = page.getByRole('complementary', { name: 'Side bar' });
  await input.setInputFiles({ name: 'cut.ccsession', mimeType: 'application/octet-stream', buffer: bytes.subarray(0, bytes.length - 10) });
  await expect(view.getByRole('alert')).toContainText(/Cannot import "cut.ccsession" \(nothing was imported\).*truncated/i);
  const corrupt = Buffer.from(bytes);
  corrupt[corrupt.length - 20]! ^= 0x55;
  await input.setInputFiles({ name: 'bad.ccsession', mimeType: 'application/octet-stream', buffer: corrupt });
  await expect(view.getByRole('alert')).toContainText(/Cannot import "bad.ccsession" \(nothing was imported\)/);
  await expect(sessions).toHaveCount(1);
  await input.setInputFiles({ name: 'good.ccsession', mimeType: 'application/octet-stream', buffer: bytes });
  await expect(sessions).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Replay' }).getByRole('toolbar', { name: 'Markers' }).getByRole('button', { name: RUN_OK, includeHidden: true })).toHaveCount(1);

  // Fork the run's moment into a new folder: it opens, with the files of that moment.
  await clickMarker(page.getByRole('region', { name: 'Replay' }), RUN_OK);
  const forkFolder = path.join(scratch.dir, 'forked');
  await page.getByLabel('New folder for the fork').fill(forkFolder);
  await page.getByRole('button', { name: 'Fork from this moment' }).click();
  await expect(page.getByRole('region', { name: 'Replay' })).toHaveCount(0);
  await expect(page.getByRole('contentinfo', { name: 'Status bar' })).toContainText('forked');
  const forked = readFileSync(path.join(forkFolder, 'main.py'), 'utf8');
  expect(forked).toContain('# before run');
  expect(forked).not.toContain('# after run');
  await expect(saved).toHaveText('Saved to history');
  expect(errors).toEqual([]);
});
