import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pdfText } from '../pdf-text';
import { chooseSignalReach, expectPeers, showCollab, startPeers, type PeerSet } from './collab-peers';
import { REPO_ROOT } from './web-host';

// Interview mode (issue 9) through two real browser hosts, real Chromium, real WebRTC on loopback
// and the real judge in Docker: the interviewer starts an interview from the bank, the candidate
// joins with the invite and writes code, the interviewer judges it, takes notes, rates, and
// writes the report (HTML and PDF), which is listed under the session in Replay. The candidate
// knocks and is admitted; the clock and the pad lock reach the candidate over the room's
// authenticated channel.

let set: PeerSet | undefined;

test.afterEach(async () => {
  await set?.close();
  set = undefined;
});

const ACCEPTED = readFileSync(path.join(REPO_ROOT, 'problems/two-sum/submissions/accepted/sol.py'), 'utf8');
const WRONG = 'print(-1)\n';

async function showInterview(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Interview', exact: true });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await expect(page.getByRole('region', { name: 'Interview', exact: true })).toBeVisible();
}

/** Puts code in the candidate's open editor (through Monaco's model, as a paste would). */
async function writeCode(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => {
    // The probe's editor is Monaco's; collab-peers.ts declares only what its own tests use.
    const editor = window.__codecrafterProbe!.editor() as unknown as { getModel(): { setValue(value: string): void } };
    editor.getModel().setValue(text);
  }, code);
}

function docText(page: Page, file: string): Promise<string | null> {
  return page.evaluate((p) => window.__codecrafterProbe!.docText(p), file);
}

test('an interview: problem from the bank, candidate solves, samples and hidden tests, diff, clock, notes, rubric, report and PDF, replay', async ({ browser }) => {
  test.setTimeout(420_000);
  set = await startPeers(browser, ['Ivy', 'Cal']);
  const [ivy, cal] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const iv = ivy.page;
  const cand = cal.page;

  // The interviewer picks a problem from the bank and starts the interview in Python.
  await showInterview(iv);
  const view = iv.getByRole('region', { name: 'Interview', exact: true });
  await view.getByLabel('Filter problems').fill('gift');
  await view.getByRole('button', { name: /Gift Card Pair/ }).click();
  const preview = iv.getByRole('region', { name: 'Problem Gift Card Pair' });
  await expect(preview.getByRole('heading', { name: 'Gift Card Pair', level: 1 })).toBeVisible();
  // LaTeX stays as source in a math span; the help says so.
  await expect(preview.locator('.math-source').first()).toHaveText('$T$');
  await expect(preview).toContainText('shown as LaTeX source');
  await expect(preview.getByRole('checkbox', { name: 'Python' })).toBeChecked();
  // Candidates knock (the app's default): the interviewer lets them in below.
  await preview.getByRole('button', { name: 'Start interview' }).click();
  await chooseSignalReach(iv);
  await expect(iv.getByRole('heading', { name: 'Interview (interviewer)' })).toBeVisible({ timeout: 60_000 });
  await showCollab(iv);
  const invite = await iv.getByLabel('Invite link', { exact: true }).inputValue();
  expect(invite).toMatch(/^codecrafter:\/\/join\//);

  // The candidate joins and sees the statement, the samples and the starter code.
  // (Joining an interview room switches the candidate to the Interview view at once.)
  await showCollab(cand);
  await cand.getByRole('region', { name: 'Collaboration' }).getByLabel('Invite link').fill(invite);
  await cand.getByRole('button', { name: 'Join room' }).click();
  await showCollab(iv);
  const knock = iv.getByRole('group', { name: 'Cal asks to join' });
  await knock.getByRole('button', { name: 'Admit as editor' }).click({ timeout: 60_000 });
  await expect(cand.getByRole('heading', { name: 'Interview (candidate)' })).toBeVisible({ timeout: 60_000 });
  await expectPeers(iv, 1);
  const candView = cand.getByRole('region', { name: 'Interview', exact: true });
  await expect(candView.getByRole('region', { name: 'Problem statement' })).toContainText('Find two cards');
  await expect(candView.getByLabel('Sample 1 input')).toHaveText(/4 9\s+2 7 11 15/);
  await expect(candView.getByLabel('Sample 1 output')).toHaveText('1 2');
  await expect.poll(() => docText(cand, 'main.py'), { timeout: 30_000 }).toContain('TODO');
  await expect(cand.getByRole('tab', { name: /main\.py/ })).toBeVisible();

  // A wrong solution: the candidate runs the samples (on the interviewer's machine), then the
  // interviewer does; both see the verdict and the diff.
  await writeCode(cand, WRONG);
  await expect.poll(() => docText(iv, 'main.py'), { timeout: 30_000 }).toBe(WRONG);
  await candView.getByRole('button', { name: 'Run samples' }).click();
  await expect(candView.getByRole('region', { name: 'Sample tests' }).locator('[data-verdict]')).toHaveText('wrong-answer', { timeout: 120_000 });
  await showInterview(iv);
  await view.getByRole('button', { name: 'Run samples' }).click();
  const ivSamples = view.getByRole('region', { name: 'Sample tests' });
  await expect(ivSamples.locator('[data-verdict]')).toHaveText('wrong-answer', { timeout: 120_000 });
  await expect(ivSamples.getByLabel('Diff of data/sample/01')).toContainText('1 2');
  const candSamples = candView.getByRole('region', { name: 'Sample tests' });
  await expect(candSamples.locator('[data-verdict]')).toHaveText('wrong-answer');
  await expect(candSamples.getByLabel('Diff of data/sample/01')).toContainText('-1');

  // The right solution: samples pass on both sides, and the hidden run passes on the interviewer's.
  await writeCode(cand, ACCEPTED);
  await expect.poll(() => docText(iv, 'main.py'), { timeout: 30_000 }).toBe(ACCEPTED);
  await view.getByRole('button', { name: 'Run samples' }).click();
  await expect(ivSamples.locator('[data-verdict]')).toHaveText('accepted', { timeout: 120_000 });
  await expect(candSamples.locator('[data-verdict]')).toHaveText('accepted');
  await view.getByRole('button', { name: 'Run hidden tests' }).click();
  const hidden = view.getByRole('region', { name: 'Hidden tests' });
  await expect(hidden.locator('[data-verdict]')).toHaveText('accepted', { timeout: 120_000 });
  await expect(hidden.getByRole('row')).toHaveCount(11);
  // The candidate never sees the hidden run.
  await expect(candView.getByRole('region', { name: 'Hidden tests' })).toHaveCount(0);

  // The clock: start, pause, extend, lock; the candidate's clock and pad follow over the room channel.
  const clock = view.getByRole('region', { name: 'Interview clock' });
  const candClock = candView.getByRole('region', { name: 'Interview clock' });
  await clock.getByLabel('Length (minutes)').fill('30');
  await expect(clock.getByRole('timer', { name: 'Time left' })).toHaveText('30:00');
  await clock.getByRole('button', { name: 'Start clock' }).click();
  await expect(clock.getByRole('timer')).toHaveAttribute('data-running', 'true');
  await expect.poll(async () => Number(await clock.getByRole('timer').getAttribute('data-remaining-s')), { timeout: 15_000 }).toBeLessThan(1800);
  await clock.getByRole('button', { name: 'Pause clock' }).click();
  const paused = Number(await clock.getByRole('timer').getAttribute('data-remaining-s'));
  await clock.getByRole('button', { name: 'Add 5 minutes' }).click();
  await expect(clock.getByRole('timer')).toHaveAttribute('data-remaining-s', String(paused + 300));
  await expect(candClock.getByRole('timer')).toHaveAttribute('data-remaining-s', String(paused + 300), { timeout: 30_000 });
  await expect(candClock.getByRole('timer')).toHaveAttribute('data-running', 'false');
  await clock.getByRole('button', { name: 'Lock pad' }).click();
  await expect(clock.getByRole('status')).toHaveText("The candidate's pad is locked.");
  await expect(candClock.getByRole('status')).toContainText('The pad is locked', { timeout: 30_000 });
  await clock.getByRole('button', { name: 'Unlock pad' }).click();
  await expect(candClock.getByRole('status')).toHaveCount(0, { timeout: 30_000 });

  // Private notes and the rubric.
  const notes = view.getByRole('region', { name: 'Private notes' });
  await notes.getByLabel('New note').fill('Spotted the duplicate-values case without a hint');
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect(notes.getByRole('list', { name: 'Notes' })).toContainText('Spotted the duplicate-values case');
  const rubric = view.getByRole('region', { name: 'Rubric' });
  await rubric.getByLabel('Problem solving').selectOption('4');
  await rubric.getByLabel('Communication').selectOption('3');
  await rubric.getByLabel('Overall rating').selectOption('4');
  await rubric.getByRole('button', { name: 'Save rubric' }).click();

  // The report opens in the app and its PDF holds the code and the results.
  const report = view.getByRole('region', { name: 'Report' });
  await report.getByRole('button', { name: 'Write report' }).click();
  await expect(report.getByRole('button', { name: 'Open report' })).toBeVisible({ timeout: 120_000 });
  await report.getByRole('button', { name: 'Open report' }).click();
  const frame = iv.frameLocator('iframe[title="Interview report"]');
  await expect(frame.locator('h1').first()).toHaveText('Interview report — Gift Card Pair');
  await expect(frame.locator('pre.code')).toContainText('first_seen');
  await expect(frame.locator('body')).toContainText('Hidden tests — accepted');
  await expect(frame.locator('body')).toContainText('Spotted the duplicate-values case');
  await expect(frame.locator('body')).toContainText('Overall: 4 — Strong yes');
  // The timeline summary comes from the room's recording.
  await expect(frame.locator('body')).toContainText(/Edits by [^:]+: \d+/);
  await expect(frame.locator('body')).toContainText('Test runs: 3 on the samples, 1 on the hidden tests');
  // Each judge run at its time in the recording, with its verdict and who asked.
  await expect(frame.locator('body')).toContainText(/\d+:\d\d Sample tests — wrong-answer \(\d\/3 passed\), asked by Cal/);
  await expect(frame.locator('body')).toContainText(/\d+:\d\d Hidden tests — accepted \(10\/10 passed\)/);
  await expect(frame.locator('body')).toContainText('Focus losses:');
  await iv.getByRole('button', { name: 'Close report' }).click();
  const downloading = iv.waitForEvent('download');
  await report.getByRole('button', { name: 'Download PDF' }).click();
  const pdfPath = await (await downloading).path();
  const text = pdfText(readFileSync(pdfPath)).replace(/\s+/g, '');
  expect(text).toContain('first_seen:dict[int,int]={}');
  expect(text).toContain('Hiddentests—accepted');
  expect(text).toContain('Sampletests—wrong-answer');
  expect(text).toContain('Overall:4—Strongyes');

  // The report is listed under the session in Replay, and the session replays.
  await iv.getByRole('button', { name: 'Replay', exact: true }).click();
  const sessions = iv.getByRole('list', { name: 'Recorded sessions' });
  await expect(sessions.getByRole('list', { name: 'Interview reports' })).toContainText('Report: Gift Card Pair', { timeout: 30_000 });
  await sessions.getByRole('button', { name: /^Replay / }).first().click();
  const player = iv.getByRole('region', { name: 'Replay' });
  await expect(player).toBeVisible();
  await expect(player.getByRole('tab', { name: /main\.py/ })).toBeVisible({ timeout: 30_000 });
  // The judge runs are markers on the timeline (alone or in a group's list).
  const markers = player.getByRole('toolbar', { name: 'Markers' });
  await expect(markers.locator('.marker-judge[aria-label^="Hidden tests — accepted (10/10 passed) at "]')).toHaveCount(1);
  await expect(markers.locator('.marker-judge[aria-label*=", asked by Cal at "]')).toHaveCount(1);
  await expect(markers.locator('.marker-judge')).toHaveCount(4);
  await iv.getByRole('button', { name: 'Close replay' }).click();
  // A note opens the replay at its moment.
  await showInterview(iv);
  await notes.getByRole('button', { name: /^Replay at .*Spotted/ }).click();
  await expect(iv.getByRole('region', { name: 'Replay' })).toBeVisible();

  // Privacy: the candidate's copy of the room (every byte of its doc) and its page hold no hidden
  // test, no note and nothing of the rubric, while the interviewer's report has them all.
  const candidateBytes = await cand.evaluate(() => (window as unknown as { __codecrafterInterviewProbe: { docBytes(): string } }).__codecrafterInterviewProbe.docBytes());
  const candidatePage = await cand.content();
  expect(candidateBytes).toContain('Gift Card Pair');
  const secretDir = path.join(REPO_ROOT, 'problems/two-sum/data/secret');
  const secrets = readdirSync(secretDir)
    .map((f) => readFileSync(path.join(secretDir, f), 'utf8').trim())
    .filter((c) => c.length >= 12);
  expect(secrets.length).toBeGreaterThanOrEqual(5);
  for (const leaked of [...secrets.map((c) => c.slice(0, 60)), 'Spotted the duplicate-values case', 'Strong yes', 'data/secret']) {
    expect(candidateBytes.includes(leaked), `the candidate's doc holds ${leaked.slice(0, 30)}`).toBe(false);
    expect(candidatePage.includes(leaked), `the candidate's page holds ${leaked.slice(0, 30)}`).toBe(false);
  }

  for (const p of set.peers) expect(p.errors, `${p.name}'s page errors`).toEqual([]);
});
