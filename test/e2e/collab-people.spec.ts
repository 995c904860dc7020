import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chooseAdmission, chooseSignalReach, expectPeers, joinRoom, openInTree, shareFolder, showCollab, startPeers, type PeerSet } from './collab-peers';

// People in a room as a new user meets them (issue 11): everyone is asked a name (and a colour)
// on first share or join, kept in settings; the People list lays out long names and long file
// names without overlap; a member who leaves disappears at once; and a page stops hammering a
// signalling server that is gone. Real browser hosts, Chromium and WebRTC on loopback, one
// browser context per person: run inside a loopback-only network namespace.

let set: PeerSet | undefined;

test.afterEach(async () => {
  await set?.close();
  set = undefined;
});

const people = (page: Page) => page.getByRole('region', { name: 'Collaboration' }).getByRole('list', { name: 'Participants' }).getByRole('listitem');

/** Counts the WebSockets a page opens to the room's signalling server. */
function countSignalSockets(page: Page, invite: string): () => number {
  const signal = decodeURIComponent(/[?&]s=([^#&]+)/.exec(invite)![1]!);
  let count = 0;
  page.on('websocket', (ws) => {
    if (ws.url().startsWith(signal)) count++;
  });
  return () => count;
}

test('a new user is asked a name and a colour on share and on join; settings keep them; they change later', async ({ browser }) => {
  test.setTimeout(240_000);
  set = await startPeers(browser, ['Alice', 'Bob'], 'sample-workspace', { named: false });
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];

  // Share asks first.
  await alice.page.getByLabel('Folder path on this machine').fill(set.workspace.dir);
  await alice.page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(alice.page.getByRole('tree', { name: 'Files' })).toBeVisible();
  await showCollab(alice.page);
  await chooseAdmission(alice.page, 'editor');
  await alice.page.getByRole('button', { name: 'Share workspace' }).click();
  const askAlice = alice.page.getByRole('dialog', { name: 'What should others call you?' });
  await expect(askAlice).toBeVisible();
  await expect(askAlice.getByLabel('Display name')).toBeFocused();
  await expect(askAlice.getByRole('button', { name: 'Share' })).toBeDisabled();
  await askAlice.getByLabel('Display name').fill('Alice Anderson');
  await askAlice.getByRole('radio', { name: 'Green' }).check();
  await askAlice.getByRole('button', { name: 'Share' }).click();
  await expect(askAlice).toHaveCount(0);
  await chooseSignalReach(alice.page);
  await expect(alice.page.getByLabel('Invite link', { exact: true })).toHaveValue(/^codecrafter:\/\/join\//);
  const invite = await alice.page.getByLabel('Invite link', { exact: true }).inputValue();

  // Joining from the welcome page asks too; cancelling joins nothing.
  await bob.page.getByLabel('Or join a room with an invite link').fill(invite);
  await bob.page.getByRole('button', { name: 'Join', exact: true }).click();
  const askBob = bob.page.getByRole('dialog', { name: 'What should others call you?' });
  await expect(askBob).toBeVisible();
  await askBob.getByRole('button', { name: 'Cancel' }).click();
  await expect(askBob).toHaveCount(0);
  await expect(bob.page.getByRole('status', { name: 'Room status' })).toHaveCount(0);
  await bob.page.getByRole('button', { name: 'Join', exact: true }).click();
  await askBob.getByLabel('Display name').fill('Bob');
  await askBob.getByRole('radio', { name: 'Blue' }).check();
  await askBob.getByRole('button', { name: 'Join' }).click();
  await expectPeers(alice.page, 1);
  await expectPeers(bob.page, 1);

  // Everyone appears under the name they gave, in the colour they chose; nobody is "Guest 98".
  await expect(people(alice.page)).toHaveCount(2);
  await expect(people(alice.page).filter({ hasText: 'Alice Anderson (you)' })).toHaveCount(1);
  const bobRow = people(alice.page).filter({ hasText: 'Bob' });
  await expect(bobRow).toHaveCount(1);
  await expect(bobRow.locator('.collab-dot')).toHaveCSS('background-color', 'rgb(97, 175, 239)');
  await expect(people(bob.page).filter({ hasText: 'Alice Anderson' }).locator('.collab-dot')).toHaveCSS('background-color', 'rgb(152, 195, 121)');
  for (const p of [alice, bob]) await expect(p.page.getByRole('region', { name: 'Collaboration' })).not.toContainText(/Guest \d+/);

  // Changed later in the Collaboration view: the room sees it at once.
  const nameField = alice.page.getByRole('region', { name: 'Collaboration' }).getByLabel('Your name');
  await nameField.fill('Alice A.');
  await nameField.press('Enter');
  await expect(people(bob.page).filter({ hasText: 'Alice A.' })).toHaveCount(1);
  await alice.page.getByRole('region', { name: 'Collaboration' }).getByRole('radio', { name: 'Purple' }).check();
  await expect(people(bob.page).filter({ hasText: 'Alice A.' }).locator('.collab-dot')).toHaveCSS('background-color', 'rgb(198, 120, 221)');

  // Remembered in settings: after a reload and a new join nobody asks again.
  await bob.page.getByRole('button', { name: 'Leave room' }).click();
  await bob.page.reload();
  await showCollab(bob.page);
  await expect(bob.page.getByRole('region', { name: 'Collaboration' }).getByLabel('Your name')).toHaveValue('Bob');
  await joinRoom(bob.page, invite);
  await expect(askBob).toHaveCount(0);
  await expect(people(alice.page).filter({ hasText: 'Bob' })).toHaveCount(1, { timeout: 30_000 });
  for (const p of set.peers) expect(p.errors, `${p.name}'s page errors`).toEqual([]);
});

test('the People list keeps a long name, the role and a long file name apart', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  set = await startPeers(browser, ['Alexandra Konstantinopoulou-Fetherstone', 'Bartholomew Montgomery-Worthington']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const longPath = 'src/deeply/nested/a_really_long_module_name_for_the_people_list.py';
  mkdirSync(path.join(set.workspace.dir, path.dirname(longPath)), { recursive: true });
  writeFileSync(path.join(set.workspace.dir, longPath), 'print("long")\n');
  const invite = await shareFolder(alice.page, set.workspace.dir);
  await joinRoom(bob.page, invite);
  await expectPeers(alice.page, 1);
  await openInTree(alice.page, longPath);
  await openInTree(bob.page, longPath);
  await showCollab(alice.page);
  await expect(people(alice.page)).toHaveCount(2);
  await expect(people(alice.page).nth(1)).toContainText('a_really_long_module_name');
  await alice.page.getByRole('region', { name: 'Collaboration' }).screenshot({ path: testInfo.outputPath('people-list.png') });

  // Where each part's text is drawn: its text's extent (which spills out of a narrow grid cell),
  // cut to the element's box when it clips its overflow (an ellipsis).
  const rows = await people(alice.page).evaluateAll((items) =>
    items.map((li) => {
      const drawn = (selector: string) => {
        const el = li.querySelector(selector);
        if (!el) return null;
        const range = document.createRange();
        range.selectNodeContents(el);
        const text = range.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        const clips = getComputedStyle(el).overflowX !== 'visible';
        const left = clips ? Math.max(text.left, box.left) : text.left;
        const right = clips ? Math.min(text.right, box.right) : text.right;
        const top = clips ? Math.max(text.top, box.top) : text.top;
        const bottom = clips ? Math.min(text.bottom, box.bottom) : text.bottom;
        return { left, right, top, bottom };
      };
      const row = li.getBoundingClientRect();
      return { row: { left: row.left, right: row.right }, name: drawn('.collab-name'), role: drawn('.collab-role'), where: drawn('.collab-where'), button: drawn('button') };
    }),
  );
  type Box = { left: number; right: number; top: number; bottom: number };
  const overlap = (a: Box | null, b: Box | null) =>
    !!a && !!b && a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  expect(rows).toHaveLength(2);
  for (const r of rows) {
    expect(overlap(r.role, r.where), 'role over file name').toBe(false);
    expect(overlap(r.role, r.name), 'role over person name').toBe(false);
    expect(overlap(r.name, r.where), 'name over file name').toBe(false);
    expect(overlap(r.button, r.where), 'Follow over file name').toBe(false);
    expect(overlap(r.button, r.role), 'Follow over role').toBe(false);
    // Nothing spills out of the row (the side bar would cut it off or scroll sideways).
    for (const part of [r.name, r.role, r.where]) expect(part!.right).toBeLessThanOrEqual(r.row.right + 0.5);
  }
  // The full texts stay available as tooltips.
  await expect(people(alice.page).nth(1).locator('.collab-where')).toHaveAttribute('title', longPath);
});

test('a member who leaves is gone from the People list at once; when the host stops, the guest stops retrying', async ({ browser }) => {
  test.setTimeout(240_000);
  set = await startPeers(browser, ['Alice', 'Bob']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const invite = await shareFolder(alice.page, set.workspace.dir);
  const bobSockets = countSignalSockets(bob.page, invite);
  await joinRoom(bob.page, invite);
  await expectPeers(alice.page, 1);
  await expect(people(alice.page)).toHaveCount(2);

  // Bob leaves: Alice's list drops him well before the 30 s awareness timeout.
  await bob.page.getByRole('button', { name: 'Leave room' }).click();
  await expect(people(alice.page)).toHaveCount(1, { timeout: 10_000 });

  // Bob comes back; then Alice stops the room.
  await joinRoom(bob.page, invite);
  await expectPeers(bob.page, 1);
  await expect(people(bob.page)).toHaveCount(2);
  await alice.page.getByRole('button', { name: 'Stop sharing' }).click();
  await expect(people(bob.page)).toHaveCount(1, { timeout: 10_000 });
  await expect(bob.page.getByRole('status', { name: 'Room status' })).toHaveText(/The host ended the room/);
  await expect(bob.page.getByRole('status', { name: 'Room status' })).toHaveAttribute('data-phase', 'ended');
  // No attempt at the stopped server from then on.
  const after = bobSockets();
  await bob.page.waitForTimeout(8_000);
  expect(bobSockets()).toBe(after);
  await expect(bob.page.getByRole('status', { name: 'Signalling' })).toHaveCount(0);
  for (const p of set.peers) expect(p.errors, `${p.name}'s page errors`).toEqual([]);
});

test('a signalling server that is gone is retried with backoff, says when, and can be retried now', async ({ browser }) => {
  test.setTimeout(240_000);
  set = await startPeers(browser, ['Alice', 'Bob']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const invite = await shareFolder(alice.page, set.workspace.dir);
  const bobSockets = countSignalSockets(bob.page, invite);
  await joinRoom(bob.page, invite);
  await expectPeers(bob.page, 1);

  // Alice's whole app stops (its embedded signalling server with it), without ending the room.
  await alice.host.stop();
  const signalling = bob.page.getByRole('status', { name: 'Signalling' });
  await expect(signalling).toHaveText(/^Signalling server unreachable — retrying in \d+ s/, { timeout: 30_000 });
  // Over 20 s a 1, 2, 4, 8 s backoff makes at most five attempts; lib0 alone made 17.
  const start = bobSockets();
  await bob.page.waitForTimeout(20_000);
  expect(bobSockets() - start).toBeLessThanOrEqual(5);
  expect(bobSockets() - start).toBeGreaterThanOrEqual(1);
  await expect(signalling).toHaveText(/retrying in \d+ s/);

  // Retry now tries at once.
  const before = bobSockets();
  await signalling.getByRole('button', { name: 'Retry now' }).click();
  await expect.poll(() => bobSockets()).toBe(before + 1);
  await expect(signalling).toHaveText(/^Signalling server unreachable — retrying in \d+ s/);
  expect(bob.errors).toEqual([]);
});
