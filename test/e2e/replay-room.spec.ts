import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { clickEditor, editorText, expectPeers, joinRoom, openInTree, shareFolder, showCollab, startPeers, type PeerSet } from './collab-peers';

// History of a room (issue 5 with issue 4): each peer records what it sees. The owner's replay has
// a track per person and a chat marker, and seeking to the chat shows the text as it was then; the
// guest, who has no folder, keeps its own log of the room. Needs a loopback-only network
// namespace for WebRTC, as test/e2e/collab.spec.ts (npm test provides it).

let set: PeerSet | undefined;

test.afterEach(async () => {
  await set?.close();
  set = undefined;
});

async function typeAt(page: Page, line: number, text: string): Promise<void> {
  await clickEditor(page);
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: 5 });
}

const replayText = async (page: Page) => (await page.locator('.replay-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');

async function openReplay(page: Page, session: RegExp): Promise<ReturnType<Page['getByRole']>> {
  await expect(page.getByRole('contentinfo', { name: 'Status bar' }).getByRole('status', { name: 'History' })).toHaveText('Saved to history');
  const activity = page.getByRole('button', { name: 'Replay', exact: true });
  if ((await activity.getAttribute('aria-pressed')) !== 'true') await activity.click();
  await page.getByRole('list', { name: 'Recorded sessions' }).getByRole('button', { name: session }).click();
  return page.getByRole('region', { name: 'Replay' });
}

test('a room is recorded by each peer: a track per person, a chat marker, and the guest keeps its own log', async ({ browser }) => {
  test.setTimeout(120_000);
  set = await startPeers(browser, ['Alice', 'Bob']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const invite = await shareFolder(alice.page, set.workspace.dir);
  await joinRoom(bob.page, invite);
  await expectPeers(alice.page, 1);
  await openInTree(bob.page, 'src/main.py');
  await openInTree(alice.page, 'src/main.py');

  await typeAt(alice.page, 1, '  # alice was here');
  await expect.poll(() => editorText(bob.page)).toContain('# alice was here');
  await typeAt(bob.page, 2, '  # bob was here');
  await expect.poll(() => editorText(alice.page)).toContain('# bob was here');

  await showCollab(bob.page);
  await bob.page.getByRole('textbox', { name: 'Chat message' }).fill('hello from bob');
  await bob.page.getByRole('button', { name: 'Send' }).click();
  await showCollab(alice.page);
  await expect(alice.page.getByRole('log', { name: 'Chat messages' })).toContainText('hello from bob');
  await typeAt(alice.page, 3, '  # after the chat');
  await expect.poll(() => editorText(bob.page)).toContain('# after the chat');

  // The owner's replay: both people, the chat, and the text at the chat.
  const player = await openReplay(alice.page, new RegExp(`^Replay ${path.basename(set.workspace.dir)}$`));
  const tracks = player.getByRole('list', { name: 'Participants' });
  await expect(tracks.getByRole('listitem', { name: /^you: \d+ edits$/ })).toHaveCount(1);
  await expect(tracks.getByRole('listitem', { name: /^Bob: \d+ edits$/ })).toHaveCount(1);
  const chat = player.getByRole('toolbar', { name: 'Markers' }).getByRole('button', { name: /^Chat: hello from bob at / });
  await expect(chat).toHaveCount(1);
  await chat.click();
  await player.getByRole('tab', { name: 'src/main.py' }).click();
  await expect.poll(() => replayText(alice.page)).toContain('# bob was here');
  expect(await replayText(alice.page)).toContain('# alice was here');
  expect(await replayText(alice.page)).not.toContain('# after the chat');

  // The guest has no folder: its log is the room's, with the same chat and the owner's edits.
  const guestPlayer = await openReplay(bob.page, /^Replay Room /);
  await expect(guestPlayer.getByRole('toolbar', { name: 'Markers' }).getByRole('button', { name: /^Chat: hello from bob at / })).toHaveCount(1);
  await guestPlayer.getByRole('tab', { name: 'src/main.py' }).click();
  await expect.poll(() => replayText(bob.page)).toContain('# after the chat');
  for (const p of set.peers) expect(p.errors, `${p.name}'s page errors`).toEqual([]);

  // The owner goes away for good; the guest, in a new window, enters the room again and has its
  // files from its log, with nobody online.
  await alice.context.close();
  await alice.host.stop();
  await bob.page.reload();
  await joinRoom(bob.page, invite);
  await openInTree(bob.page, 'src/main.py');
  await expect.poll(() => editorText(bob.page)).toContain('# after the chat');
  expect(await editorText(bob.page)).toContain('# alice was here');
});
