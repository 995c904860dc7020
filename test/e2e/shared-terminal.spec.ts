import { expect, test, type Page } from '@playwright/test';
import { expectPeers, joinRoom, shareFolder, showCollab, startPeers, type PeerSet } from './collab-peers';
// The probe's window.codecrafterTerminalProbe type (the page's side of these tests).
import type {} from '../../renderer/terminal/terminal-probe';

// Issue 10 item 4 through real browser hosts, real Chromium and real WebRTC on loopback (a context
// per person): the host shares one terminal with the room; a guest admitted afterwards sees it as
// a tab with the screen from before the share, cannot type until the host allows it, types and
// both see the shell's answer, and is read-only again once the host takes write back. A terminal
// the host did not share never reaches the guest. A shared terminal the host restarts stays
// shared with the same grants, and a guest whose host went offline and came back sees what the
// shell printed meanwhile.
// Run inside a loopback-only network namespace (npm test does).

let set: PeerSet | undefined;
test.afterEach(async () => {
  await set?.close();
  set = undefined;
});

// Shells start slowly on a machine loaded by other test runs: polls wait generously.
const SLOW = { timeout: 60_000 };
/** How long typing that must reach nobody is given to arrive anyway. */
const SETTLE_MS = 1500;

function terminalIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.codecrafterTerminalProbe?.ids() ?? []);
}

function bufferOf(page: Page, id: string): Promise<string> {
  return page.evaluate((tid) => window.codecrafterTerminalProbe!.text(tid), id);
}

/** Opens a terminal on this page, types `command` in it and waits for `answer`; returns its id. */
async function runInNewTerminal(page: Page, command: string, answer: string): Promise<string> {
  const before = await terminalIds(page);
  await page.getByRole('button', { name: 'New terminal' }).click();
  await expect.poll(async () => (await terminalIds(page)).length, SLOW).toBe(before.length + 1);
  const id = (await terminalIds(page)).find((t) => !before.includes(t))!;
  await page.locator(`.terminal-pane[data-terminal-id="${id}"] .xterm`).click();
  // The prompt first, so the keystrokes do not race the shell's start.
  await expect.poll(() => bufferOf(page, id), SLOW).toMatch(/\S/);
  await page.keyboard.type(`${command}\n`);
  await expect.poll(() => bufferOf(page, id), SLOW).toContain(answer);
  return id;
}

async function typeInShared(page: Page, sid: string, text: string): Promise<void> {
  await page.locator(`.terminal-pane[data-shared-terminal="${sid}"] .xterm`).click();
  await page.keyboard.type(text, { delay: 10 });
}

test('a shared terminal: late joiner sees the screen, types only while allowed, never sees an unshared one', async ({ browser }) => {
  test.setTimeout(360_000);
  set = await startPeers(browser, ['Alice', 'Bob']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const invite = await shareFolder(alice.page, set.workspace.dir, { admission: 'knock' });

  // Alice shares a terminal that already shows something, then opens one she keeps to herself.
  const shared = await runInNewTerminal(alice.page, 'echo before-share', 'before-share\n');
  await alice.page.getByRole('button', { name: 'Share terminal' }).click();
  await expect(alice.page.getByRole('button', { name: 'Stop sharing terminal' })).toBeVisible();
  const secret = await runInNewTerminal(alice.page, 'echo secret-$((3*3))', 'secret-9');
  expect(secret).not.toBe(shared);

  // Bob knocks after the share and is let in as an editor.
  await joinRoom(bob.page, invite);
  await showCollab(alice.page);
  const knock = alice.page.getByRole('group', { name: 'Bob asks to join' });
  await expect(knock).toBeVisible({ timeout: 60_000 });
  await knock.getByRole('button', { name: 'Admit as editor' }).click();

  // One shared tab, with the screen from before the share; nothing of the other terminal.
  const sharedTabs = bob.page.getByRole('tablist', { name: 'Terminals' }).getByRole('tab');
  await expect(sharedTabs).toHaveCount(1, SLOW);
  await expect(sharedTabs).toHaveText(/^Shared: /);
  const sid = (await bob.page.locator('[data-shared-terminal]').getAttribute('data-shared-terminal'))!;
  const tabId = `shared:${sid}`;
  await expect.poll(() => bufferOf(bob.page, tabId), SLOW).toContain('before-share');
  const mode = bob.page.getByRole('status', { name: /^Shared terminal .* mode$/ });
  await expect(mode).toContainText('read-only');
  expect(await bufferOf(bob.page, tabId)).not.toContain('secret-9');
  expect(await terminalIds(bob.page)).toEqual([tabId]);

  // Read-only: Bob's typing reaches no shell, so nothing changes on either side.
  const hostBefore = await bufferOf(alice.page, shared);
  await typeInShared(bob.page, sid, 'echo typed-$((2+3))\n');
  await bob.page.waitForTimeout(SETTLE_MS);
  expect(await bufferOf(alice.page, shared)).toBe(hostBefore);
  expect(await bufferOf(bob.page, tabId)).not.toContain('typed');

  // Alice lets Bob type: his command runs in her shell and both see the answer.
  await alice.page.getByRole('button', { name: 'Who may type' }).click();
  const allowBob = alice.page.getByRole('dialog', { name: 'Shared terminals' }).getByRole('checkbox', { name: /^Allow Bob to type in / });
  await allowBob.check();
  await expect(mode).toContainText('you may type', SLOW);
  await typeInShared(bob.page, sid, 'echo granted-$((6*7))\n');
  await expect.poll(() => bufferOf(alice.page, shared), SLOW).toContain('granted-42');
  await expect.poll(() => bufferOf(bob.page, tabId), SLOW).toContain('granted-42');
  // The shell's next prompt, so the comparison below is not racing it.
  await expect.poll(() => bufferOf(alice.page, shared), SLOW).toMatch(/granted-42\n.*[#$]$/);

  // Alice takes it back: Bob's typing is ignored again.
  await allowBob.uncheck();
  await expect(mode).toContainText('read-only', SLOW);
  const hostAfterGrant = await bufferOf(alice.page, shared);
  await typeInShared(bob.page, sid, 'echo revoked-$((1+1))\n');
  await bob.page.waitForTimeout(SETTLE_MS);
  expect(await bufferOf(alice.page, shared)).toBe(hostAfterGrant);
  expect(await bufferOf(alice.page, shared)).not.toContain('revoked');

  // The terminal Alice kept to herself never reached Bob's page.
  expect(await bufferOf(bob.page, tabId)).not.toContain('secret-9');
  await expect(bob.page.getByText('secret-9')).toHaveCount(0);
  for (const p of set.peers) expect(p.errors).toEqual([]);
});

test('a restarted shared terminal keeps its share and grants; the guest catches up after the host reconnects', async ({ browser }) => {
  test.setTimeout(360_000);
  set = await startPeers(browser, ['Alice', 'Bob']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const invite = await shareFolder(alice.page, set.workspace.dir);
  const first = await runInNewTerminal(alice.page, 'echo first-$((1+1))', 'first-2');
  await alice.page.getByRole('button', { name: 'Share terminal' }).click();
  await joinRoom(bob.page, invite);
  const sharedTabs = bob.page.getByRole('tablist', { name: 'Terminals' }).getByRole('tab');
  await expect(sharedTabs).toHaveCount(1, SLOW);
  const sid = (await bob.page.locator('[data-shared-terminal]').getAttribute('data-shared-terminal'))!;
  const tabId = `shared:${sid}`;
  await expect.poll(() => bufferOf(bob.page, tabId), SLOW).toContain('first-2');
  await alice.page.getByRole('button', { name: 'Who may type' }).click();
  await alice.page.getByRole('dialog', { name: 'Shared terminals' }).getByRole('checkbox', { name: /^Allow Bob to type in / }).check();
  const mode = bob.page.getByRole('status', { name: /^Shared terminal .* mode$/ });
  await expect(mode).toContainText('you may type', SLOW);
  await alice.page.getByRole('button', { name: 'Close shared terminals' }).click();

  // Alice's shell ends, and she restarts it from the banner.
  await alice.page.locator(`.terminal-pane[data-terminal-id="${first}"] .xterm`).click();
  await alice.page.keyboard.type('exit\n');
  const banner = alice.page.locator(`.terminal-pane[data-terminal-id="${first}"]`).getByRole('alert');
  await expect(banner).toContainText('The shell exited', SLOW);
  await banner.getByRole('button', { name: 'Restart' }).click();
  await expect.poll(async () => (await terminalIds(alice.page)).includes(first), SLOW).toBe(false);
  const [second] = await terminalIds(alice.page);
  expect(second).toBeDefined();
  await expect.poll(() => bufferOf(alice.page, second!), SLOW).toMatch(/[#$]\s*$/);

  // Still shared under the same id, Bob still allowed to type, his screen started afresh.
  await expect(alice.page.getByRole('button', { name: 'Stop sharing terminal' })).toBeVisible();
  await expect(sharedTabs).toHaveCount(1);
  expect(await bob.page.locator('[data-shared-terminal]').getAttribute('data-shared-terminal')).toBe(sid);
  await expect(mode).toContainText('you may type');
  await expect.poll(() => bufferOf(bob.page, tabId), SLOW).not.toContain('first-2');
  await typeInShared(bob.page, sid, 'echo restarted-$((6*7))\n');
  await expect.poll(() => bufferOf(alice.page, second!), SLOW).toContain('restarted-42');
  await expect.poll(() => bufferOf(bob.page, tabId), SLOW).toContain('restarted-42');

  // Alice's connection to the room drops; her shell prints while she is away.
  await showCollab(alice.page);
  await alice.page.getByRole('button', { name: 'Go offline' }).click();
  await expectPeers(bob.page, 0);
  await alice.page.locator(`.terminal-pane[data-terminal-id="${second}"] .xterm`).click();
  await alice.page.keyboard.type('echo while-away-$((5*5))\n');
  await expect.poll(() => bufferOf(alice.page, second!), SLOW).toContain('while-away-25');
  expect(await bufferOf(bob.page, tabId)).not.toContain('while-away-25');

  // Back: Bob's tab shows her terminal as it is now, and live output after it.
  await showCollab(alice.page);
  await alice.page.getByRole('button', { name: 'Reconnect' }).click();
  await expectPeers(bob.page, 1);
  await expect.poll(() => bufferOf(bob.page, tabId), SLOW).toContain('while-away-25');
  await alice.page.locator(`.terminal-pane[data-terminal-id="${second}"] .xterm`).click();
  await alice.page.keyboard.type('echo back-$((4*4))\n');
  await expect.poll(() => bufferOf(bob.page, tabId), SLOW).toContain('back-16');
  expect((await bufferOf(bob.page, tabId)).split('back-16').length - 1).toBe(1);
  for (const p of set.peers) expect(p.errors).toEqual([]);
});
