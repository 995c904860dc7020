import { expect, test } from '@playwright/test';
import { expectPeers, joinRoom, openInTree, shareFolder, startPeers, type PeerSet } from './collab-peers';

// Issue 8 item 6: a guest's Ctrl+Enter in a room asks the host, whose sandbox runs the room's
// text; both see the output and the verdict. One browser context per person, real WebRTC, the
// real signalling server and real Docker on the host. The requests ride the room's authenticated
// channel (RoomConnection.channel, wired by startGuestRuns in session.ts connect()).

let set: PeerSet;
test.afterEach(async () => {
  await set?.close();
});

test("a guest's Ctrl+Enter never says 'No folder is open'", async ({ browser }) => {
  test.setTimeout(180_000);
  set = await startPeers(browser, ['Alice', 'Bob']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const invite = await shareFolder(alice.page, set.workspace.dir);
  await joinRoom(bob.page, invite);
  await expectPeers(bob.page, 1);
  await openInTree(bob.page, 'src/main.py');
  await bob.page.locator('.monaco-editor .view-lines').click();
  await bob.page.keyboard.press('Control+Enter');
  // The guest is told where the run happened: on the host's machine, never "No folder is open".
  await expect(bob.page.getByRole('status', { name: 'Run result' })).toContainText("run on Alice's machine", { timeout: 120_000 });
  await expect(bob.page.getByText('No folder is open')).toHaveCount(0);
  await expect(bob.page.getByText(/Cannot read the run history/)).toHaveCount(0);
  // Only the guest's panel has no host switch; the host's Run panel has "Guests may run code", on by default.
  await expect(bob.page.getByRole('checkbox', { name: 'Guests may run code' })).toHaveCount(0);
  if (!(await alice.page.getByRole('tablist', { name: 'Panel views' }).isVisible())) await alice.page.keyboard.press('Control+j');
  await alice.page.getByRole('tablist', { name: 'Panel views' }).getByRole('tab', { name: 'Run' }).click();
  const hostSwitch = alice.page.getByRole('checkbox', { name: 'Guests may run code' });
  await expect(hostSwitch).toBeChecked();
  await hostSwitch.uncheck();
  await alice.page.getByRole('button', { name: 'Settings' }).click();
  await expect(alice.page.getByRole('region', { name: 'Settings' }).getByRole('checkbox', { name: 'Guests may run code' })).not.toBeChecked();
  for (const p of set.peers) expect(p.errors).toEqual([]);
});

test('a guest runs Python through the host; both see the output and the verdict; the host can switch it off', async ({ browser }) => {
  test.setTimeout(300_000);
  set = await startPeers(browser, ['Alice', 'Bob']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const invite = await shareFolder(alice.page, set.workspace.dir);
  await joinRoom(bob.page, invite);
  await expectPeers(bob.page, 1);
  await openInTree(bob.page, 'src/main.py');
  await bob.page.locator('.monaco-editor .view-lines').click();
  await bob.page.keyboard.press('Control+Enter');

  for (const [page, where] of [
    [bob.page, "run on Alice's machine"],
    [alice.page, 'run for Bob on this machine'],
  ] as const) {
    // The host's panel may be hidden: Ctrl+J shows it, then its Run view.
    if (!(await page.getByRole('tablist', { name: 'Panel views' }).isVisible())) await page.keyboard.press('Control+j');
    await page.getByRole('tablist', { name: 'Panel views' }).getByRole('tab', { name: 'Run' }).click();
    await expect(page.getByRole('status', { name: 'Verdict' })).toHaveText('OK', { timeout: 120_000 });
    await expect(page.getByLabel('Program output')).toContainText('Hello, world!');
    await expect(page.getByRole('status', { name: 'Run result' })).toContainText(where);
  }
  await expect(bob.page.getByText('No folder is open')).toHaveCount(0);

  // The host switches guest runs off: the next request is refused with a message.
  await alice.page.getByRole('button', { name: 'Settings' }).click();
  await alice.page.getByRole('region', { name: 'Settings' }).getByRole('checkbox', { name: 'Guests may run code' }).uncheck();
  await bob.page.locator('.monaco-editor .view-lines').click();
  await bob.page.keyboard.press('Control+Enter');
  await expect(bob.page.getByText('The host did not run it: The host has switched guest runs off.')).toBeVisible();
});
