import { expect, test, type Page } from '@playwright/test';
import { expectPeers, joinRoom, shareFolder, showCollab, startPeers, type PeerSet } from './collab-peers';

// Issue 8, "Rooms you can trust": chat rides the room's authenticated channel, not the document,
// so a viewer chats like everyone else (every peer drops a viewer's document updates), each line
// shows the member who sent it, and a member who joins late gets the recent history from the
// others. Real browser hosts, real Chromium, real WebRTC on loopback.

let set: PeerSet | undefined;
test.afterEach(async () => {
  await set?.close();
  set = undefined;
});

const chatLog = (page: Page) => page.getByRole('log', { name: 'Chat messages' });

async function say(page: Page, text: string): Promise<void> {
  await showCollab(page);
  await page.getByRole('textbox', { name: 'Chat message' }).fill(text);
  await page.getByRole('textbox', { name: 'Chat message' }).press('Enter');
}

test('a viewer chats and everyone sees it under the viewer’s name; a late joiner gets the history', async ({ browser }) => {
  test.setTimeout(300_000);
  set = await startPeers(browser, ['Alice', 'Bob', 'Carol']);
  const [alice, bob, carol] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0], (typeof set.peers)[0]];
  // Anyone with the invite comes in as a viewer.
  const invite = await shareFolder(alice.page, set.workspace.dir, { admission: 'viewer' });
  await joinRoom(bob.page, invite);
  await expectPeers(alice.page, 1);
  await expect(alice.page.getByRole('list', { name: 'Members' }).getByRole('listitem', { name: 'Bob, viewer' })).toBeVisible({ timeout: 30_000 });

  // The viewer's message reaches the owner, shown under the name Bob's connection gave.
  await say(bob.page, 'hello from a viewer');
  const fromBob = chatLog(alice.page).getByRole('listitem').filter({ hasText: 'hello from a viewer' });
  await expect(fromBob).toHaveCount(1, { timeout: 30_000 });
  await expect(fromBob.locator('strong')).toHaveText('Bob');
  await expect(chatLog(bob.page).getByRole('listitem').filter({ hasText: 'hello from a viewer' })).toHaveCount(1);

  await say(alice.page, 'welcome, Bob');
  await expect(chatLog(bob.page)).toContainText('welcome, Bob', { timeout: 30_000 });

  // Carol joins after both messages: she gets them from the others, in order, each once.
  await joinRoom(carol.page, invite);
  await expectPeers(carol.page, 2);
  await expect(chatLog(carol.page).getByRole('listitem')).toHaveText([/^Bob\s+hello from a viewer$/, /^Alice\s+welcome, Bob$/], { timeout: 30_000 });
  // Her own message, as a viewer too, reaches both.
  await say(carol.page, 'Carol here');
  await expect(chatLog(alice.page)).toContainText('Carol here', { timeout: 30_000 });
  await expect(chatLog(bob.page)).toContainText('Carol here', { timeout: 30_000 });
  await expect(chatLog(bob.page).getByRole('listitem')).toHaveCount(3);
  for (const p of set.peers) expect(p.errors).toEqual([]);
});
