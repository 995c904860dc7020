import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { OLD_INVITE_PROBLEM } from '../../common/invite';
import { expectPeers, openInTree, shareFolder, showCollab, startPeers, type PeerSet } from './collab-peers';
import { copyFixture } from './web-host';

// Issue 8 item 8: an invite opened from outside (here the browser host's /join address) asks
// first, showing the room, who invites and the signalling host; cancelling keeps the open folder;
// joining never drops unsaved edits (Save All / Don't Save / Cancel). One browser context per person.

let set: PeerSet;
let bobFolder: ReturnType<typeof copyFixture>;
test.afterEach(async () => {
  await set?.close();
  bobFolder?.cleanup();
});

test('an invite link asks first, and joining saves or keeps unsaved edits as the user says', async ({ browser }) => {
  test.setTimeout(240_000);
  set = await startPeers(browser, ['Alice', 'Bob']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const invite = await shareFolder(alice.page, set.workspace.dir);
  expect(invite).toMatch(/[?&]t=[\w-]{32}(&|#)/);
  expect(invite).toMatch(/[?&]n=Alice&f=[A-Z2-7]{4}%20/);

  // Bob works in a folder of his own, with an edit not saved yet.
  bobFolder = copyFixture('sample-workspace');
  await bob.page.getByLabel('Folder path on this machine').fill(bobFolder.dir);
  await bob.page.getByRole('button', { name: 'Open', exact: true }).click();
  await openInTree(bob.page, 'src/main.py');
  await bob.page.locator('.monaco-editor .view-lines').click();
  await bob.page.keyboard.press('Control+Home');
  await bob.page.keyboard.type('# bob was here\n');
  await expect(bob.page.getByRole('tab', { name: /main\.py \(unsaved\)/ })).toBeVisible();

  // Pasting the invite into Join: the unsaved edit is asked about; Cancel keeps everything.
  await showCollab(bob.page);
  await bob.page.getByRole('region', { name: 'Collaboration' }).getByLabel('Invite link').fill(invite);
  await bob.page.getByRole('button', { name: 'Join room' }).click();
  const unsaved = bob.page.getByRole('alertdialog', { name: 'Save your changes before joining?' });
  await expect(unsaved).toContainText('src/main.py');
  await unsaved.getByRole('button', { name: 'Cancel' }).click();
  await expect(bob.page.getByRole('status', { name: 'Room status' })).toHaveCount(0);
  await expect(bob.page.getByRole('tab', { name: /main\.py \(unsaved\)/ })).toBeVisible();

  // Save All writes the edit to Bob's own disk, then he is in the room.
  await bob.page.getByRole('button', { name: 'Join room' }).click();
  await unsaved.getByRole('button', { name: 'Save All' }).click();
  await expect(bob.page.getByRole('status', { name: 'Room status' })).toBeVisible();
  expect(readFileSync(path.join(bobFolder.dir, 'src/main.py'), 'utf8').startsWith('# bob was here\n')).toBe(true);
  await expectPeers(alice.page, 1);
  await bob.page.getByRole('button', { name: 'Leave room' }).click();
  await expectPeers(alice.page, 0);

  // The http form opened from outside asks first: room, who invites (name + fingerprint), signalling host.
  const room = /join\/([\w-]+)/.exec(invite)![1]!;
  const httpInvite = invite.replace('codecrafter://join/', `${bob.host.origin}/join/`);
  await bob.page.goto(httpInvite);
  const ask = bob.page.getByRole('alertdialog', { name: 'Join this room?' });
  await expect(ask).toContainText(`Room ${room}`);
  await expect(ask).toContainText(/comes from Alice \(key fingerprint [A-Z2-7]{4} [A-Z2-7]{4} [A-Z2-7]{4} [A-Z2-7]{4} [A-Z2-7]{4}\)/);
  await expect(ask).toContainText(/Signalling server: 127\.0\.0\.1:\d+/);
  await expect(ask.getByRole('button', { name: 'Join', exact: true })).toBeFocused();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(bob.page.getByRole('status', { name: 'Room status' })).toHaveCount(0);
  expect(new URL(bob.page.url()).search).toBe('');

  await bob.page.goto(httpInvite);
  await ask.getByRole('button', { name: 'Join', exact: true }).click();
  await expectPeers(bob.page, 1);
  await expectPeers(alice.page, 1);

  // An invite made before signalling tokens says what to do instead of failing at the server.
  const old = httpInvite.replace(/&t=[\w-]+/, '');
  await bob.page.goto(old);
  await expect(bob.page.getByText(OLD_INVITE_PROBLEM)).toBeVisible();
  for (const p of set.peers) expect(p.errors).toEqual([]);
});
