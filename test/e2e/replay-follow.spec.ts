import { expect, test, type Locator, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startHost, tempDir, type RunningHost } from './web-host';

// Replay as a new user expects it (issue 11): the player shows the file the edit at the playhead
// changed, whether the slider is dragged or stepped with the arrow keys, unless a file is pinned;
// markers at one spot are grouped behind a count, each still reachable by keyboard.

let host: RunningHost;
let data: ReturnType<typeof tempDir>;
let folder: ReturnType<typeof tempDir>;

test.beforeAll(async () => {
  data = tempDir('cc-e2e-replay-follow-');
  folder = tempDir('cc-e2e-replay-follow-ws-');
  writeFileSync(path.join(folder.dir, 'hello.py'), 'print("hello")\n');
  writeFileSync(path.join(folder.dir, 'hog.py'), 'x = [0] * 10\n');
  host = await startHost(data.dir);
});

test.afterAll(async () => {
  await host?.stop();
  folder?.cleanup();
  data?.cleanup();
});

const clean = (s: string) => s.replace(/\u00a0/g, ' ');
const replayText = async (page: Page) => clean(await page.locator('.replay-editor .view-lines').innerText());

async function typeInto(page: Page, file: string, text: string): Promise<void> {
  await page.getByRole('tree', { name: 'Files' }).getByRole('treeitem', { name: file }).click();
  await expect(page.getByRole('tab', { name: file }).first()).toBeVisible();
  await page.locator('.editor-group .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

async function shownFile(player: Locator): Promise<string | null> {
  return player.getByRole('tablist', { name: 'Files at this moment' }).getByRole('tab', { selected: true }).textContent();
}

test('the player follows the edit, by slider and by arrow keys; a pinned file stays; grouped markers are reachable', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url);
  await page.getByLabel('Folder path on this machine').fill(folder.dir);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  const saved = page.getByRole('status', { name: 'History' });
  await expect(saved).toHaveText('Saved to history');

  // hello.py, then hog.py, then hello.py again.
  await typeInto(page, 'hello.py', '\n# one');
  await typeInto(page, 'hog.py', '\n# hog edit');
  await typeInto(page, 'hello.py', '\n# two');
  // Three markers at one spot, with no edit between them: a paste and the window losing focus twice.
  await page.evaluate(() => {
    const clip = new DataTransfer();
    clip.setData('text/plain', 'PASTED');
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clip, bubbles: true, cancelable: true }));
    for (let i = 0; i < 2; i++) {
      window.dispatchEvent(new Event('blur'));
      window.dispatchEvent(new Event('focus'));
    }
  });
  await page.keyboard.type('!');
  await expect(saved).toHaveText('Saved to history');

  await page.getByRole('button', { name: 'Replay', exact: true }).click();
  await page.getByRole('button', { name: `Replay ${path.basename(folder.dir)}` }).click();
  const player = page.getByRole('region', { name: 'Replay' });
  const slider = player.getByLabel('Replay position');
  await expect.poll(() => replayText(page)).toContain('# two!');
  await expect.poll(() => shownFile(player)).toBe('hello.py');

  // Arrow keys step back edit by edit; once the edits were in hog.py, hog.py is shown.
  await slider.focus();
  await page.keyboard.press('End');
  let hogSeq = -1;
  for (let i = 0; i < 40 && hogSeq < 0; i++) {
    await page.keyboard.press('ArrowLeft');
    const seq = Number(await slider.inputValue());
    await expect(player.getByRole('status', { name: 'Replay time' })).toContainText(`edit ${seq} of`);
    // Give the files of this moment time to arrive before reading which one is shown.
    await expect.poll(async () => (await replayText(page)).length).toBeGreaterThan(0);
    if ((await shownFile(player)) === 'hog.py') hogSeq = seq;
  }
  expect(hogSeq, 'stepping back never showed hog.py').toBeGreaterThan(0);
  await expect.poll(() => replayText(page)).toContain('# hog');
  const helloSeq = Number(await slider.inputValue()) + 4;

  // Dragging the slider (here: setting it) to a moment shows that moment's file.
  await slider.fill(String(helloSeq));
  await expect.poll(() => shownFile(player)).toBe('hello.py');
  await slider.fill(String(hogSeq));
  await expect.poll(() => shownFile(player)).toBe('hog.py');
  await expect.poll(() => replayText(page)).toContain('# hog');

  // Picking a file pins it: moving to an edit elsewhere keeps it, until Follow edits is pressed.
  const followEdits = player.getByRole('button', { name: 'Follow edits' });
  await expect(followEdits).toHaveAttribute('aria-pressed', 'true');
  await player.getByRole('tab', { name: 'hello.py' }).click();
  await expect(followEdits).toHaveAttribute('aria-pressed', 'false');
  await slider.fill(String(hogSeq - 1));
  await expect(player.getByRole('status', { name: 'Replay time' })).toContainText(`edit ${hogSeq - 1} of`);
  await expect.poll(() => shownFile(player)).toBe('hello.py');
  await followEdits.click();
  await expect.poll(() => shownFile(player)).toBe('hog.py');

  // Markers never cover each other: the three at one spot are one button with a count.
  const markers = player.getByRole('toolbar', { name: 'Markers' });
  const boxes = [];
  for (const button of await markers.locator(':scope > button, :scope > div > button.marker-group').all()) boxes.push((await button.boundingBox())!);
  for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x, `marker ${i} overlaps marker ${i - 1}`).toBeGreaterThanOrEqual(boxes[i - 1]!.x + boxes[i - 1]!.width - 1);
  const group = markers.getByRole('button', { name: /^3 markers at / });
  await expect(group).toHaveText('3');
  await expect(markers.getByRole('button', { name: /^Window lost focus at / })).toHaveCount(0);
  // Focus shows the list; Tab reaches each marker; Enter seeks to it.
  await slider.fill('0');
  await group.focus();
  const list = markers.getByRole('list', { name: /^Markers at / });
  await expect(list.getByRole('button')).toHaveCount(3);
  await expect(list.getByRole('button', { name: /^Pasted 6 characters into hello\.py at / })).toBeVisible();
  await expect(list.getByRole('button', { name: /^Window lost focus at / })).toHaveCount(2);
  await page.keyboard.press('Tab');
  await expect(list.getByRole('button', { name: /^Pasted 6 characters/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(list.getByRole('button', { name: /^Window lost focus/ }).first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(async () => Number(await slider.inputValue())).toBeGreaterThan(0);
  await expect.poll(() => replayText(page)).toContain('# two');
  // A click opens the list for good; Escape closes it and leaves the player open.
  await group.click();
  await expect(group).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(group).toHaveAttribute('aria-expanded', 'false');
  await expect(player).toBeVisible();
  expect(errors).toEqual([]);
});
