import { expect, test, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startCandidate, type CandidatePeer } from './candidate-peers';
import { chooseSignalReach, clickEditor, showCollab, startPeers, type PeerSet } from './collab-peers';

// Issue 9, the pad lock against a modified candidate client: the interviewer is the real app in
// Chromium (browser host, real disk), the candidate a Node process over real WebRTC with the
// app's own transport that sends its edits whatever the lock says. Once the interviewer locks the
// pad, none of its edits reach the interviewer's document or the host's disk, and the interviewer
// is told once; unlocked, its edits flow again. Run in a loopback-only network namespace.

let set: PeerSet | undefined;
let candidate: CandidatePeer | undefined;

test.afterEach(async () => {
  await candidate?.stop();
  candidate = undefined;
  await set?.close();
  set = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function showInterview(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Interview', exact: true });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await expect(page.getByRole('region', { name: 'Interview', exact: true })).toBeVisible();
}

function docText(page: Page, file: string): Promise<string | null> {
  return page.evaluate((p) => window.__codecrafterProbe!.docText(p), file);
}

async function dropped(page: Page): Promise<number> {
  return page.evaluate(() => (window.__codecrafterProbe!.stats() as unknown as { droppedUpdates: number } | null)?.droppedUpdates ?? 0);
}

/** The interview folder's files and their bytes. */
function disk(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]),
  );
}

test("a locked pad holds against a modified candidate client: its edits reach neither the interviewer's document nor the disk; unlocked, they flow again", async ({ browser }) => {
  test.setTimeout(300_000);
  set = await startPeers(browser, ['Ivy']);
  const ivy = set.peers[0]!;
  const iv = ivy.page;

  await showInterview(iv);
  const view = iv.getByRole('region', { name: 'Interview', exact: true });
  await view.getByLabel('Filter problems').fill('gift');
  await view.getByRole('button', { name: /Gift Card Pair/ }).click();
  await iv.getByRole('region', { name: 'Problem Gift Card Pair' }).getByRole('button', { name: 'Start interview' }).click();
  await chooseSignalReach(iv);
  await expect(iv.getByRole('heading', { name: 'Interview (interviewer)' })).toBeVisible({ timeout: 60_000 });
  const interviews = path.join(ivy.dataDir, 'interviews');
  const folder = path.join(interviews, readdirSync(interviews)[0]!);
  await showCollab(iv);
  const invite = await iv.getByLabel('Invite link', { exact: true }).inputValue();

  candidate = await startCandidate(invite, 'Cal');
  await iv.getByRole('group', { name: 'Cal asks to join' }).getByRole('button', { name: 'Admit as editor' }).click({ timeout: 90_000 });
  await candidate.waitFor((s) => s.role === 'editor' && s.files.includes('main.py'), 'the room, as an editor', 60_000);

  // Before the lock the candidate's edits arrive as anyone's.
  candidate.edit('main.py', '# before the lock\n');
  await expect.poll(() => docText(iv, 'main.py'), { timeout: 30_000 }).toContain('# before the lock');

  await showInterview(iv);
  const clock = view.getByRole('region', { name: 'Interview clock' });
  await clock.getByRole('button', { name: 'Lock pad' }).click();
  await expect(clock.getByRole('status')).toHaveText("The candidate's pad is locked.");
  // The lock is a role: the interviewer's signed membership log makes the candidate a viewer, and
  // the candidate learns it from the log like every other peer.
  await candidate.waitFor((s) => s.role === 'viewer', 'the demotion to viewer', 30_000);
  const atLock = await docText(iv, 'main.py');
  const diskAtLock = disk(folder);
  const droppedAtLock = await dropped(iv);

  // The modified client keeps typing, and makes a file (which the host would write to disk at once).
  const sentBefore = candidate.state.sent;
  for (let i = 0; i < 5; i++) {
    candidate.edit('main.py', `# LOCKED ${i}\n`);
    await sleep(200);
  }
  candidate.create('locked.py', 'print("written while locked")\n');
  await candidate.waitFor((s) => s.sent >= sentBefore + 6, 'its six messages sent');
  await expect.poll(() => dropped(iv), { timeout: 30_000 }).toBeGreaterThanOrEqual(droppedAtLock + 6);
  const notice = iv.getByRole('status').filter({ hasText: 'not accepted' });
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('Cal');
  await sleep(1000);
  expect(await docText(iv, 'main.py')).toBe(atLock);
  expect(await docText(iv, 'locked.py')).toBeNull();
  expect(await candidate.text('main.py')).toContain('# LOCKED 4');

  // The interviewer saves: the disk gets the text as it was at the lock, and no new file.
  await clickEditor(iv);
  await iv.keyboard.press('Control+s');
  await expect.poll(() => readFileSync(path.join(folder, 'main.py'), 'utf8')).toBe(atLock);
  expect(disk(folder)).toEqual({ ...diskAtLock, 'main.py': atLock });
  expect(existsSync(path.join(folder, 'locked.py'))).toBe(false);

  // The notice is said once per lock: dismissed, more dropped edits do not bring it back.
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  const droppedNow = await dropped(iv);
  candidate.edit('main.py', '# LOCKED again\n');
  await expect.poll(() => dropped(iv), { timeout: 30_000 }).toBeGreaterThan(droppedNow);
  await sleep(500);
  await expect(notice).toHaveCount(0);

  // Unlocked: the candidate is an editor again and its edits flow to the document and the disk.
  // Its copy comes in whole (Yjs cannot take its later edits without the earlier ones), so what a
  // modified client typed while locked arrives now, at the unlock, as the interviewer chose.
  await clock.getByRole('button', { name: 'Unlock pad' }).click();
  await candidate.waitFor((s) => s.role === 'editor', 'the editor role back', 30_000);
  candidate.edit('main.py', '# after the unlock\n');
  candidate.create('after.py', 'print("after the unlock")\n');
  await expect.poll(() => docText(iv, 'main.py'), { timeout: 30_000 }).toContain('# after the unlock');
  await expect.poll(() => existsSync(path.join(folder, 'after.py')), { timeout: 30_000 }).toBe(true);
  expect(await docText(iv, 'main.py')).toBe(await candidate.text('main.py'));

  expect(ivy.errors).toEqual([]);
  expect(candidate.errors).toEqual([]);
});
