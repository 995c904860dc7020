import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  clickEditor,
  clientId,
  deleteInTree,
  editorText,
  expectPeers,
  joinRoom,
  openInTree,
  renameInTree,
  scrollTo,
  topLine,
  shareFolder,
  showCollab,
  showExplorer,
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

function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (const ch of haystack) if (ch === needle[i]) i++;
  return i === needle.length;
}

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
  // The signalling token (t=), the owner's key and the room id's salt (o=, r=: the room id is their
  // hash) and who invites (n=, f=) ride along; the secret stays after '#'.
  expect(invite).toMatch(/^codecrafter:\/\/join\/[\w-]+\?s=ws%3A%2F%2F127\.0\.0\.1%3A\d+&t=[\w-]+&o=[0-9a-f]{64}&r=[0-9a-f]{32}(&n=[^&#]+&f=[^&#]+)?#[\w-]{32}$/);
  // Roles come from the signed log: the owner is listed as owner, with a key fingerprint.
  await expect(alice.page.getByRole('list', { name: 'Members' }).getByRole('listitem', { name: 'Alice (you), owner' })).toBeVisible();

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
    await expect(people.getByRole('listitem', { name: other.name, exact: true })).toContainText(other === alice ? 'owner' : 'editor');
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

test('follow mode follows the active file and viewport, and stops on a click', async ({ browser }) => {
  set = await startPeers(browser, ['Alice', 'Bob']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  writeFileSync(path.join(set.workspace.dir, 'long.txt'), Array.from({ length: 600 }, (_, i) => `line ${i + 1}`).join('\n'));
  await shareFolder(alice.page, set.workspace.dir);
  // Bob joins with the browser form of the invite (http://…/join/<room>?s=…#secret).
  const webInvite = await alice.page.getByLabel('Browser invite link', { exact: true }).inputValue();
  expect(webInvite).toMatch(new RegExp(`^${alice.host.origin}/join/[\\w-]+\\?s=`));
  await joinRoom(bob.page, webInvite);
  await expectPeers(bob.page, 1);
  await openInTree(alice.page, 'README.md');

  await showCollab(bob.page);
  await bob.page.getByRole('button', { name: 'Follow Alice' }).click();
  await expect(bob.page.getByRole('tab', { name: 'README.md' })).toBeVisible();
  await openInTree(alice.page, 'long.txt');
  await expect(bob.page.getByRole('tab', { name: 'long.txt' })).toHaveAttribute('aria-selected', 'true');
  await scrollTo(alice.page, 300);
  await expect.poll(() => topLine(bob.page)).toBe(300);
  await scrollTo(alice.page, 450);
  await expect.poll(() => topLine(bob.page)).toBe(450);

  // A click in the editor ends following: Alice's moves no longer move Bob.
  await clickEditor(bob.page);
  await expect(bob.page.getByRole('button', { name: 'Follow Alice' })).toBeVisible();
  await scrollTo(alice.page, 100);
  await openInTree(alice.page, 'src/util.ts');
  await bob.page.waitForTimeout(1000);
  expect(await topLine(bob.page)).toBe(450);
  await expect(bob.page.getByRole('tab', { name: 'long.txt' })).toHaveAttribute('aria-selected', 'true');
  noErrors();
});

test('a wrong password or a link without the secret shows no file content', async ({ browser }) => {
  set = await startPeers(browser, ['Alice', 'Bob', 'Mallory']);
  const [alice, bob, mallory] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0], (typeof set.peers)[0]];
  const invite = await shareFolder(alice.page, set.workspace.dir);
  const secret = invite.slice(invite.indexOf('#') + 1);
  const wrong = `${invite.slice(0, invite.indexOf('#') + 1)}${secret.slice(0, -4)}${secret.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;

  // Without the secret the link is refused before anything is sent.
  await showCollab(mallory.page);
  await mallory.page.getByRole('region', { name: 'Collaboration' }).getByLabel('Invite link').fill(invite.slice(0, invite.indexOf('#')));
  await mallory.page.getByRole('button', { name: 'Join room' }).click();
  await expect(mallory.page.getByText('The invite has no secret')).toBeVisible();
  await expect(mallory.page.getByRole('status', { name: 'Room status' })).toHaveCount(0);

  // With a wrong secret it reaches the signalling server but no peer answers it.
  await joinRoom(mallory.page, wrong);
  await joinRoom(bob.page, invite);
  await expectPeers(bob.page, 1);
  await expectPeers(alice.page, 1);
  await expect.poll(() => bob.page.evaluate(() => window.__codecrafterProbe!.docText('src/main.py'))).toContain('def greet');
  await mallory.page.waitForTimeout(3000);
  await expect(mallory.page.getByRole('status', { name: 'Room status' })).toHaveAttribute('data-peers', '0');
  await expect(mallory.page.getByRole('status', { name: 'Room status' })).toHaveAttribute('data-phase', 'online');
  expect(await mallory.page.evaluate(() => window.__codecrafterProbe!.docText('src/main.py'))).toBeNull();
  await mallory.page.getByRole('button', { name: 'Explorer', exact: true }).click();
  await expect(mallory.page.getByRole('tree', { name: 'Files' })).toBeVisible();
  await expect(mallory.page.getByRole('treeitem')).toHaveCount(0);
  await expectPeers(alice.page, 1);
  // Mallory's signalling reached Alice and did not decrypt with the room's secret.
  expect((await alice.page.evaluate(() => window.__codecrafterProbe!.stats()))!.undecryptable).toBeGreaterThan(0);
  noErrors();
});

test('a peer that goes offline, edits and comes back merges with no edit lost', async ({ browser }) => {
  set = await startPeers(browser, ['Alice', 'Bob']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const invite = await shareFolder(alice.page, set.workspace.dir);
  await joinRoom(bob.page, invite);
  await expectPeers(bob.page, 1);
  await openInTree(alice.page, 'src/main.py');
  await openInTree(bob.page, 'src/main.py');

  await showCollab(bob.page);
  await bob.page.getByRole('button', { name: 'Go offline' }).click();
  await expect(bob.page.getByRole('status', { name: 'Room status' })).toHaveAttribute('data-phase', 'offline');
  await expectPeers(alice.page, 0);

  await typeAt(alice.page, 1, ' # online edit by alice');
  await typeAt(bob.page, 5, ' # offline edit by bob');
  await typeAt(bob.page, 1, ' # and another');
  await alice.page.waitForTimeout(500);
  expect(await editorText(alice.page)).not.toContain('offline edit by bob');
  expect(await editorText(bob.page)).not.toContain('online edit by alice');

  await showCollab(bob.page);
  await bob.page.getByRole('button', { name: 'Reconnect' }).click();
  await expectPeers(bob.page, 1);
  for (const peer of [alice, bob]) {
    for (const piece of ['online edit by alice', 'offline edit by bob', 'and another']) {
      await expect.poll(() => editorText(peer.page)).toContain(piece);
    }
  }
  await expect.poll(async () => (await editorText(bob.page)) === (await editorText(alice.page))).toBe(true);

  // Awareness comes back too: Alice sees Bob in the list and his cursor again.
  await showCollab(alice.page);
  await expect(alice.page.getByRole('list', { name: 'Participants' }).getByRole('listitem', { name: 'Bob', exact: true })).toBeVisible();
  await clickEditor(bob.page);
  await bob.page.keyboard.press('End');
  await expect(alice.page.locator(`.yRemoteSelectionHead-${await clientId(bob.page)}`)).toHaveCount(1);
  noErrors();
});

test('three people type into one line at once and every editor and the disk agree', async ({ browser }) => {
  set = await startPeers(browser, ['Alice', 'Bob', 'Carol']);
  const peers = set.peers;
  const invite = await shareFolder(peers[0]!.page, set.workspace.dir);
  for (const p of peers.slice(1)) await joinRoom(p.page, invite);
  for (const p of peers) await expectPeers(p.page, 2);
  for (const p of peers) await openInTree(p.page, 'src/util.ts');

  await Promise.all(peers.map((p) => typeAt(p.page, 1, ` /* ${p.name.toLowerCase()}-${'x'.repeat(20)} */`)));
  const texts = async () => Promise.all(peers.map((p) => editorText(p.page)));
  await expect.poll(async () => new Set(await texts()).size).toBe(1);
  const [final] = await texts();
  // Inserts at one spot interleave character by character (that is the CRDT's answer to truly
  // concurrent typing); nothing is lost and each person's characters keep their order.
  const original = readFileSync(path.join(set.workspace.dir, 'src/util.ts'), 'utf8');
  const inserts = peers.map((p) => ` /* ${p.name.toLowerCase()}-${'x'.repeat(20)} */`);
  expect(final!.length).toBe(original.length + inserts.reduce((n, s) => n + s.length, 0));
  for (const insert of inserts) expect(isSubsequence(insert, final!)).toBe(true);

  await clickEditor(peers[0]!.page);
  await peers[0]!.page.keyboard.press('Control+s');
  await expect.poll(() => readFileSync(path.join(set!.workspace.dir, 'src/util.ts'), 'utf8')).toBe(final);
  noErrors();
});

test('a 1 MB file reaches the guest and stays editable in both editors', async ({ browser }) => {
  set = await startPeers(browser, ['Alice', 'Bob']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const line = 'const value = "0123456789abcdefghijklmnopqrstuvwxyz"; // padding for a large file\n';
  const big = line.repeat(Math.ceil((1024 * 1024) / line.length));
  writeFileSync(path.join(set.workspace.dir, 'big.js'), big);
  const invite = await shareFolder(alice.page, set.workspace.dir);
  await joinRoom(bob.page, invite);
  await expectPeers(bob.page, 1);
  await openInTree(bob.page, 'big.js');
  await expect.poll(async () => (await editorText(bob.page))?.length).toBe(big.length);
  await openInTree(alice.page, 'big.js');
  await typeAt(bob.page, 1, ' // bob');
  await typeAt(alice.page, 2, ' // alice');
  for (const p of [alice, bob]) {
    await expect.poll(() => editorText(p.page)).toContain('// bob');
    await expect.poll(() => editorText(p.page)).toContain('// alice');
  }
  await expect.poll(async () => (await editorText(bob.page)) === (await editorText(alice.page))).toBe(true);
  // The first sync travelled in frames: no data channel message exceeded the limit.
  expect((await alice.page.evaluate(() => window.__codecrafterProbe!.stats()))!.chunkedMessages).toBeGreaterThan(0);
  noErrors();
});

test("the file tree stays in sync and the host saves a guest's edits to files it never opened", async ({ browser }) => {
  set = await startPeers(browser, ['Alice', 'Bob']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const invite = await shareFolder(alice.page, set.workspace.dir);
  await joinRoom(bob.page, invite);
  await expectPeers(bob.page, 1);
  const bobTree = bob.page.getByRole('tree', { name: 'Files' });

  // A file created on the host's disk joins the room; a deleted one leaves it.
  writeFileSync(path.join(set.workspace.dir, 'docs', 'added.md'), '# added on disk\n');
  await showExplorer(bob.page);
  await bobTree.locator('[data-path="docs"]').click();
  await expect(bobTree.locator('[data-path="docs/added.md"]')).toBeVisible();
  rmSync(path.join(set.workspace.dir, 'docs', 'notes.txt'));
  await expect(bobTree.locator('[data-path="docs/notes.txt"]')).toHaveCount(0);

  // Bob edits a file Alice has not opened; Alice writes it from the Collaboration view.
  await openInTree(bob.page, 'README.md');
  await typeAt(bob.page, 1, ' (edited by Bob)');
  await expect.poll(() => alice.page.evaluate(() => window.__codecrafterProbe!.docText('README.md'))).toContain('(edited by Bob)');
  await showCollab(alice.page);
  await alice.page.getByRole('button', { name: 'Save all shared files' }).click();
  await expect(alice.page.getByRole('status', { name: 'Save result' })).toHaveText('Saved 1 file.');
  expect(readFileSync(path.join(set.workspace.dir, 'README.md'), 'utf8')).toContain('(edited by Bob)');

  // A guest's new file is written by the host, and saved with what the guest typed into it.
  await showExplorer(bob.page);
  await bob.page.getByRole('button', { name: 'New file' }).click();
  await bob.page.getByLabel('New file name').fill('from-bob.py');
  await bob.page.getByLabel('New file name').press('Enter');
  await expect(bob.page.getByRole('tab', { name: 'from-bob.py' })).toBeVisible();
  await expect.poll(() => existsSync(path.join(set!.workspace.dir, 'from-bob.py'))).toBe(true);
  await clickEditor(bob.page);
  await bob.page.keyboard.type('print("bob")');
  await expect.poll(() => alice.page.evaluate(() => window.__codecrafterProbe!.docText('from-bob.py'))).toBe('print("bob")');
  await showCollab(alice.page);
  await alice.page.getByRole('button', { name: 'Save all shared files' }).click();
  await expect.poll(() => readFileSync(path.join(set!.workspace.dir, 'from-bob.py'), 'utf8')).toBe('print("bob")');
  noErrors();
});

test('a guest who leaves and joins again in the same window takes nothing from the host', async ({ browser }) => {
  set = await startPeers(browser, ['Alice', 'Bob']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const invite = await shareFolder(alice.page, set.workspace.dir);
  const original = readFileSync(path.join(set.workspace.dir, 'src/main.py'), 'utf8');
  await joinRoom(bob.page, invite);
  await expectPeers(alice.page, 1);
  await openInTree(bob.page, 'src/main.py');
  await expect.poll(() => editorText(bob.page)).toBe(original);

  // Leaving empties the guest's window; coming back must not carry that emptiness to the host.
  await showCollab(bob.page);
  await bob.page.getByRole('button', { name: 'Leave room' }).click();
  await expectPeers(alice.page, 0);
  await joinRoom(bob.page, invite);
  await expectPeers(alice.page, 1);
  await openInTree(bob.page, 'src/main.py');
  await expect.poll(() => editorText(bob.page)).toBe(original);
  await expect.poll(() => alice.page.evaluate(() => window.__codecrafterProbe!.docText('src/main.py'))).toBe(original);
  expect(await alice.page.evaluate(() => window.__codecrafterProbe!.docText('README.md'))).not.toBeNull();
});

test('opening the http form of an invite in the browser host asks, then joins the room', async ({ browser }) => {
  test.setTimeout(180_000);
  set = await startPeers(browser, ['Alice', 'Bob']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const invite = await shareFolder(alice.page, set.workspace.dir);
  const httpInvite = invite.replace('codecrafter://join/', `${bob.host.origin}/join/`).replace('#', '&probe=1#');
  await bob.page.goto(httpInvite);
  // Issue 8: a link from outside asks first.
  await bob.page.getByRole('alertdialog', { name: 'Join this room?' }).getByRole('button', { name: 'Join', exact: true }).click();
  await expectPeers(bob.page, 1);
  await expectPeers(alice.page, 1);
  // The room leaves the address bar once joined; the secret never was sent to any server.
  expect(new URL(bob.page.url()).search).toBe('');
  await openInTree(bob.page, 'src/main.py');
  await expect.poll(() => editorText(bob.page)).toBe(readFileSync(path.join(set.workspace.dir, 'src/main.py'), 'utf8'));
});

test('a guest renames and deletes files and folders: every tree, the disk and the open tabs follow', async ({ browser }) => {
  set = await startPeers(browser, ['Alice', 'Bob']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const dir = set.workspace.dir;
  const utilText = readFileSync(path.join(dir, 'src', 'util.ts'), 'utf8');
  const invite = await shareFolder(alice.page, dir);
  await joinRoom(bob.page, invite);
  await expectPeers(bob.page, 1);
  await openInTree(alice.page, 'src/util.ts');
  await openInTree(bob.page, 'src/util.ts');
  const aliceTree = alice.page.getByRole('tree', { name: 'Files' });
  const bobTree = bob.page.getByRole('tree', { name: 'Files' });

  // A file: the host moves it on disk, and both open tabs move with it.
  await renameInTree(bob.page, 'src/util.ts', 'helpers.ts');
  await expect(bobTree.locator('[data-path="src/helpers.ts"]')).toBeVisible();
  await expect.poll(() => existsSync(path.join(dir, 'src', 'helpers.ts'))).toBe(true);
  expect(existsSync(path.join(dir, 'src', 'util.ts'))).toBe(false);
  expect(readFileSync(path.join(dir, 'src', 'helpers.ts'), 'utf8')).toBe(utilText);
  await showExplorer(alice.page);
  await expect(aliceTree.locator('[data-path="src/helpers.ts"]')).toBeVisible();
  await expect(aliceTree.locator('[data-path="src/util.ts"]')).toHaveCount(0);
  for (const page of [alice.page, bob.page]) {
    await expect(page.getByRole('tab', { name: 'helpers.ts' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'util.ts' })).toHaveCount(0);
  }
  expect(await editorText(alice.page)).toBe(utilText);
  // The moved tab is still bound to the shared text: Bob's typing reaches Alice's editor.
  await typeAt(bob.page, 1, ' // renamed by Bob');
  await expect.poll(() => editorText(alice.page)).toContain('// renamed by Bob');

  // A file deleted after the confirmation leaves the room and the host's disk.
  await deleteInTree(bob.page, 'docs/notes.txt');
  await expect(bobTree.locator('[data-path="docs/notes.txt"]')).toHaveCount(0);
  await expect.poll(() => existsSync(path.join(dir, 'docs', 'notes.txt'))).toBe(false);
  await expect(aliceTree.locator('[data-path="docs/notes.txt"]')).toHaveCount(0);

  // A folder holding a file that was never shared stays where it is (issue 8: the host write
  // policy); both sides are told, and the folder comes back into the guest's tree.
  writeFileSync(path.join(dir, 'src', 'blob.bin'), Buffer.from([0, 1, 2, 0]));
  await renameInTree(bob.page, 'src', 'source');
  for (const page of [alice.page, bob.page]) await expect(page.getByRole('status').filter({ hasText: 'src/blob.bin' })).toBeVisible();
  await expect(bobTree.locator('[data-path="src"]')).toBeVisible();
  expect(existsSync(path.join(dir, 'src', 'blob.bin'))).toBe(true);
  expect(existsSync(path.join(dir, 'source'))).toBe(false);
  // Once the host takes that file away, the folder moves with its shared files and the tabs under it follow.
  rmSync(path.join(dir, 'src', 'blob.bin'));
  await renameInTree(bob.page, 'src', 'source');
  await expect.poll(() => existsSync(path.join(dir, 'source', 'helpers.ts'))).toBe(true);
  expect(existsSync(path.join(dir, 'source', 'main.py'))).toBe(true);
  expect(existsSync(path.join(dir, 'src'))).toBe(false);
  await expect(aliceTree.locator('[data-path="source"]')).toBeVisible();
  await expect(aliceTree.locator('[data-path="src"]')).toHaveCount(0);
  await expect.poll(() => alice.page.evaluate(() => window.__codecrafterProbe!.docText('source/helpers.ts'))).toContain('// renamed by Bob');
  await expect(alice.page.getByRole('tab', { name: 'helpers.ts' })).toBeVisible();
  expect(await editorText(alice.page)).toContain('// renamed by Bob');

  // A folder deleted by the guest goes from the host's disk, and the open tabs under it close.
  await deleteInTree(bob.page, 'source');
  await expect.poll(() => existsSync(path.join(dir, 'source'))).toBe(false);
  await expect(aliceTree.locator('[data-path="source"]')).toHaveCount(0);
  for (const page of [alice.page, bob.page]) await expect(page.getByRole('tab', { name: 'helpers.ts' })).toHaveCount(0);
  expect(existsSync(path.join(dir, 'README.md'))).toBe(true);

  // Names that would leave the workspace are refused before anything reaches the doc.
  await renameInTree(bob.page, 'README.md', '../escape.md');
  await expect.poll(() => existsSync(path.join(dir, 'README.md'))).toBe(true);
  expect(existsSync(path.join(dir, '..', 'escape.md'))).toBe(false);
  noErrors();
});

test("the host's own rename and delete go through its disk once, and the guest's tabs follow", async ({ browser }) => {
  set = await startPeers(browser, ['Alice', 'Bob']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const dir = set.workspace.dir;
  const mainText = readFileSync(path.join(dir, 'src', 'main.py'), 'utf8');
  const invite = await shareFolder(alice.page, dir);
  await joinRoom(bob.page, invite);
  await expectPeers(bob.page, 1);
  await openInTree(bob.page, 'src/main.py');
  await openInTree(bob.page, 'docs/notes.txt');
  const bobTree = bob.page.getByRole('tree', { name: 'Files' });

  await renameInTree(alice.page, 'src/main.py', 'app.py');
  await expect(bobTree.locator('[data-path="src/app.py"]')).toBeVisible();
  await expect(bob.page.getByRole('tab', { name: 'app.py' })).toBeVisible();
  await expect(bob.page.getByRole('tab', { name: 'main.py' })).toHaveCount(0);
  expect(existsSync(path.join(dir, 'src', 'app.py'))).toBe(true);
  expect(existsSync(path.join(dir, 'src', 'main.py'))).toBe(false);

  await deleteInTree(alice.page, 'docs/notes.txt');
  await expect(bobTree.locator('[data-path="docs/notes.txt"]')).toHaveCount(0);
  await expect(bob.page.getByRole('tab', { name: 'notes.txt' })).toHaveCount(0);
  expect(existsSync(path.join(dir, 'docs', 'notes.txt'))).toBe(false);
  // Alice's watcher reports her own rename back: the doc keeps one copy, under the new name.
  await expect(bob.page.getByRole('tab', { name: 'app.py' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => editorText(bob.page)).toBe(mainText);
  expect(await bob.page.evaluate(() => window.__codecrafterProbe!.docText('src/main.py'))).toBeNull();
  expect(await alice.page.evaluate(() => window.__codecrafterProbe!.docText('src/app.py'))).toBe(mainText);
  expect(readFileSync(path.join(dir, 'src', 'app.py'), 'utf8')).toBe(mainText);
  noErrors();
});
