import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expectPeers, joinRoom, shareFolder, showExplorer, startPeers, type PeerSet } from './collab-peers';

// Issue 8, item 4 through the real app: a guest's attempts on the host's .git and on a link
// leave the host's disk byte for byte as it was, both sides are told, and allowed files still
// reach the disk. Real browser hosts, Chromium, WebRTC on loopback (run in a loopback namespace).

let set: PeerSet | undefined;

test.afterEach(async () => {
  await set?.close();
  set = undefined;
});

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const relative = rel ? `${rel}/${name}` : name;
      const stats = lstatSync(path.join(dir, relative));
      if (stats.isSymbolicLink()) out[relative] = 'link';
      else if (stats.isDirectory()) walk(relative);
      else out[relative] = createHash('sha256').update(readFileSync(path.join(dir, relative))).digest('hex');
    }
  };
  walk('');
  return out;
}

async function guestCreates(page: Page, name: string): Promise<void> {
  await showExplorer(page);
  await page.getByRole('button', { name: 'New file' }).click();
  await page.getByLabel('New file name').fill(name);
  await page.getByLabel('New file name').press('Enter');
}

test("a guest cannot write the host's .git/config or through a link; both sides are told; allowed files still land", async ({ browser }) => {
  set = await startPeers(browser, ['Alice', 'Bob']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const dir = set.workspace.dir;
  mkdirSync(path.join(dir, '.git', 'hooks'), { recursive: true });
  writeFileSync(path.join(dir, '.git', 'config'), '[core]\n\trepositoryformatversion = 0\n');
  const outside = path.join(path.dirname(dir), `outside-${path.basename(dir)}`);
  symlinkSync(path.join(outside, 'planted.sh'), path.join(dir, 'run.sh'));
  const before = snapshot(dir);

  const invite = await shareFolder(alice.page, dir);
  await joinRoom(bob.page, invite);
  await expectPeers(bob.page, 1);

  for (const [name, shown] of [
    ['.git/config', '.git/config'],
    ['.git/hooks/post-checkout', '.git/hooks/post-checkout'],
    ['run.sh', 'run.sh'],
  ] as const) {
    await guestCreates(bob.page, name);
    for (const page of [alice.page, bob.page]) await expect(page.getByRole('status').filter({ hasText: shown }).first()).toBeVisible();
    // The refused file leaves the room's doc on every peer.
    await expect.poll(() => bob.page.evaluate((p) => window.__codecrafterProbe!.docText(p), name)).toBeNull();
  }
  expect(snapshot(dir)).toEqual(before);
  expect(existsSync(outside)).toBe(false);

  await guestCreates(bob.page, 'lib/ok.py');
  await expect.poll(() => existsSync(path.join(dir, 'lib', 'ok.py'))).toBe(true);
  expect(set.peers.flatMap((p) => p.errors)).toEqual([]);
});
