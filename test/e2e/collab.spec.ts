import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  clickEditor,
  clientId,
  editorText,
  expectPeers,
  joinRoom,
  openInTree,
  shareFolder,
  showCollab,
  startPeers,
  type PeerSet,
} from './collab-peers';

// Pairing (issue 4) through real browser hosts, real Chromium and real WebRTC on loopback: one
// browser context per person. Run inside a loopback-only network namespace (npm test does).

let set: PeerSet | undefined;

test.afterEach(async () => {
  await set?.close();
  set = undefined;
});

function noErrors(): void {
  for (const p of set!.peers) expect(p.errors, `${p.name}'s page errors`).toEqual([]);
}

async function typeAt(page: Page, line: number, text: string): Promise<void> {
  await clickEditor(page);
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: 5 });
}

test('two people edit one file together: tree, typing, cursors, chat, undo, save', async ({ browser }) => {
  set = await startPeers(browser, ['Alice', 'Bob']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const invite = await shareFolder(alice.page, set.workspace.dir);
  expect(invite).toMatch(/^codecrafter:\/\/join\/[\w-]+\?s=ws%3A%2F%2F127\.0\.0\.1%3A\d+#[\w-]{32}$/);
  await expect(alice.page.getByRole('region', { name: 'Collaboration' })).toContainText('Everyone who has the invite is an editor');

  await joinRoom(bob.page, invite);
  await expectPeers(alice.page, 1);
  await expectPeers(bob.page, 1);

  // The guest's Explorer lists the host's files, from the doc.
  await openInTree(bob.page, 'src/main.py');
  await openInTree(alice.page, 'src/main.py');
  const original = readFileSync(path.join(set.workspace.dir, 'src/main.py'), 'utf8');
  await expect.poll(() => editorText(bob.page)).toBe(original);

  // Both type at once on different lines; every editor ends with the same text holding both.
  await Promise.all([typeAt(alice.page, 1, '  # alice was here'), typeAt(bob.page, 2, '  # bob was here')]);
  await expect.poll(() => editorText(alice.page)).toContain('# alice was here');
  await expect.poll(() => editorText(alice.page)).toContain('# bob was here');
  await expect.poll(async () => (await editorText(bob.page)) === (await editorText(alice.page))).toBe(true);

  // Each sees the other's cursor in the other's colour, labelled with the other's name.
  for (const [viewer, other] of [
    [alice, bob],
    [bob, alice],
  ] as const) {
    const id = await clientId(other.page);
    const head = viewer.page.locator(`.yRemoteSelectionHead-${id}`);
    await expect(head).toHaveCount(1);
    const label = await head.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(label).toBe(`"${other.name}"`);
    await showCollab(viewer.page);
    const people = viewer.page.getByRole('list', { name: 'Participants' });
    await expect(people.getByRole('listitem', { name: other.name, exact: true })).toContainText('src/main.py');
    await expect(people.getByRole('listitem', { name: other.name, exact: true })).toContainText(other === alice ? 'owner' : 'guest');
  }

  // Undo takes back only one's own edit.
  await clickEditor(bob.page);
  await bob.page.keyboard.press('Control+z');
  await expect.poll(() => editorText(alice.page)).not.toContain('# bob was here');
  expect(await editorText(alice.page)).toContain('# alice was here');

  // Chat round trip, with the typing indicator and the unread count.
  await showCollab(alice.page);
  await alice.page.getByRole('button', { name: 'Explorer', exact: true }).click();
  await showCollab(bob.page);
  await bob.page.getByRole('textbox', { name: 'Chat message' }).fill('hello Alice');
  await showCollab(alice.page);
  await expect(alice.page.getByText('Bob is typing…')).toBeVisible();
  await alice.page.getByRole('button', { name: 'Explorer', exact: true }).click();
  await bob.page.getByRole('button', { name: 'Send' }).click();
  await expect(alice.page.getByLabel('1 unread chat message')).toBeVisible();
  await showCollab(alice.page);
  await expect(alice.page.getByRole('log', { name: 'Chat messages' })).toContainText('hello Alice');
  await expect(alice.page.getByLabel('1 unread chat message')).toHaveCount(0);
  await alice.page.getByRole('textbox', { name: 'Chat message' }).fill('hi Bob');
  await alice.page.getByRole('textbox', { name: 'Chat message' }).press('Enter');
  await expect(bob.page.getByRole('log', { name: 'Chat messages' })).toContainText('hi Bob');

  // The host saves; the disk holds the converged text. The guest's Ctrl+S writes nothing.
  const converged = await editorText(alice.page);
  await clickEditor(bob.page);
  await bob.page.keyboard.press('Control+s');
  await expect(bob.page.getByText('only the host writes to disk')).toBeVisible();
  await clickEditor(alice.page);
  await alice.page.keyboard.press('Control+s');
  await expect.poll(() => readFileSync(path.join(set!.workspace.dir, 'src/main.py'), 'utf8')).toBe(converged);
  noErrors();
});
