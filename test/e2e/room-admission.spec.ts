import { expect, test, type Page } from '@playwright/test';
import { clickEditor, editorText, joinRoom, openInTree, shareFolder, showCollab, startPeers, type PeerSet } from './collab-peers';

// Issue 8, item 5 through real browser hosts, real Chromium and real WebRTC on loopback (a context
// per person): the owner lets a knocking guest in, promotes, demotes, kicks and bans; a viewer's
// editor is read-only. Roles come from the signed log, which every window enforces.
// Run inside a loopback-only network namespace (npm test does).

let set: PeerSet | undefined;
test.afterEach(async () => {
  await set?.close();
  set = undefined;
});

const members = (page: Page) => page.getByRole('list', { name: 'Members' });

async function typeInEditor(page: Page, text: string): Promise<void> {
  await clickEditor(page);
  await page.keyboard.press('Control+Home');
  await page.keyboard.type(text, { delay: 5 });
}

test('the owner admits a knocking guest, promotes, demotes, kicks and bans; a viewer cannot edit', async ({ browser }) => {
  test.setTimeout(480_000);
  set = await startPeers(browser, ['Alice', 'Bob', 'Carol']);
  const [alice, bob, carol] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0], (typeof set.peers)[0]];
  const invite = await shareFolder(alice.page, set.workspace.dir, { admission: 'knock' });

  // Bob knocks: he sees that he waits, and no file reaches him.
  await joinRoom(bob.page, invite);
  await expect(bob.page.getByRole('status', { name: 'Admission' })).toContainText('Waiting for the owner', { timeout: 60_000 });
  const knock = alice.page.getByRole('group', { name: 'Bob asks to join' });
  await expect(knock).toBeVisible({ timeout: 60_000 });
  const bobFingerprint = (await bob.page.getByRole('status', { name: 'Admission' }).locator('code').innerText()).trim();
  await expect(knock.getByLabel('Fingerprint')).toHaveText(bobFingerprint);
  await expect(bob.page.getByRole('tree', { name: 'Files' }).getByRole('treeitem')).toHaveCount(0);

  // Admitted as a viewer: he reads, his editor is read-only, his typing reaches nobody.
  await knock.getByRole('button', { name: 'Admit as viewer' }).click();
  await expect(members(alice.page).getByRole('listitem', { name: 'Bob, viewer' })).toBeVisible({ timeout: 30_000 });
  await expect(members(bob.page).getByRole('listitem', { name: 'Bob (you), viewer' })).toBeVisible({ timeout: 30_000 });
  await openInTree(bob.page, 'README.md');
  await openInTree(alice.page, 'README.md');
  const original = await editorText(alice.page);
  await expect.poll(() => editorText(bob.page), { timeout: 30_000 }).toBe(original);
  await typeInEditor(bob.page, 'VIEWER ');
  expect(await editorText(bob.page)).toBe(original);
  await showCollab(alice.page);

  // Promote: now he edits, and Alice sees it.
  await alice.page.getByRole('button', { name: 'Make Bob an editor' }).click();
  await showCollab(bob.page);
  await expect(members(bob.page).getByRole('listitem', { name: 'Bob (you), editor' })).toBeVisible({ timeout: 30_000 });
  await typeInEditor(bob.page, 'EDITOR ');
  await expect.poll(() => editorText(alice.page), { timeout: 30_000 }).toContain('EDITOR ');

  // Demote: a viewer again, read-only again.
  await alice.page.getByRole('button', { name: 'Demote Bob' }).click();
  await expect(members(bob.page).getByRole('listitem', { name: 'Bob (you), viewer' })).toBeVisible({ timeout: 30_000 });
  await typeInEditor(bob.page, 'AGAIN ');
  await bob.page.waitForTimeout(1000);
  expect(await editorText(alice.page)).not.toContain('AGAIN');

  // Kick: Bob is told and is out.
  await alice.page.getByRole('button', { name: 'Remove Bob' }).click();
  await expect(bob.page.getByText('The owner removed you from the room')).toBeVisible({ timeout: 30_000 });
  await expect(members(alice.page).getByRole('listitem', { name: /^Bob/ })).toHaveCount(0, { timeout: 30_000 });

  // Carol knocks and is let in as an editor, then banned: the invite gets a new secret.
  await joinRoom(carol.page, invite);
  const carolKnock = alice.page.getByRole('group', { name: 'Carol asks to join' });
  await expect(carolKnock).toBeVisible({ timeout: 60_000 });
  await carolKnock.getByRole('button', { name: 'Admit as editor' }).click();
  await expect(members(carol.page).getByRole('listitem', { name: 'Carol (you), editor' })).toBeVisible({ timeout: 30_000 });
  await alice.page.getByRole('button', { name: 'Ban Carol' }).click();
  await expect(carol.page.getByText('The owner banned you from the room')).toBeVisible({ timeout: 30_000 });
  await expect(alice.page.getByLabel('Invite link', { exact: true })).not.toHaveValue(invite, { timeout: 30_000 });
  const secret = (value: string) => value.slice(value.indexOf('#') + 1);
  expect(secret(await alice.page.getByLabel('Invite link', { exact: true }).inputValue())).not.toBe(secret(invite));
});
