import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { editorText, expectPeers, joinRoom, openInTree, shareFolder, showExplorer, startPeers, type PeerSet } from './collab-peers';
import { generateFolder, type GeneratedFolder } from './generated-folder';

// Issue 8, "Rooms you can trust": a room that shares a big folder reaches its guests. Measured
// (test/bench/room.bench.ts), a 2,000-file / 20 MB folder took the host ~30 s to share (every
// file read before the invite) and the guest ~10-30 s to see any of it (the whole text came as one
// sync message, then the tree). Now the tree goes first and a file's text joins the room when
// someone opens it; files the room does not carry are said to the guest too. Real browser hosts,
// Chromium and WebRTC on loopback (run in a loopback-only network namespace).

let set: PeerSet | undefined;
let folder: GeneratedFolder | undefined;

test.afterEach(async () => {
  await set?.close();
  set = undefined;
  folder?.cleanup();
  folder = undefined;
});

const docText = (page: import('@playwright/test').Page, file: string) => page.evaluate((p) => window.__codecrafterProbe!.docText(p), file);

test('a guest of a big folder gets the tree first, each file when it opens it, and is told what the room leaves out', async ({ browser }) => {
  test.setTimeout(300_000);
  // Well past what a room shares whole at once (200 files, 1 MiB): 800 files, 8 MiB.
  folder = generateFolder({ files: 800, bytes: 8 * 1024 * 1024, seed: 8 });
  const large = folder.paths[1]!; // the first large file (under the 2 MiB per-file cap)
  const small = folder.paths.find((p) => p.startsWith('src/'))!;
  // Over the per-file cap, and a binary file: neither is text a room carries.
  mkdirSync(path.join(folder.dir, 'logs'), { recursive: true });
  writeFileSync(path.join(folder.dir, 'logs', 'huge.log'), 'line of a log\n'.repeat(200_000));
  mkdirSync(path.join(folder.dir, 'assets'), { recursive: true });
  writeFileSync(path.join(folder.dir, 'assets', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));

  set = await startPeers(browser, ['Alice', 'Bob']);
  const [alice, bob] = set.peers as [(typeof set.peers)[0], (typeof set.peers)[0]];
  const invite = await shareFolder(alice.page, folder.dir);
  await expect(alice.page.getByRole('status').filter({ hasText: 'logs/huge.log' }).first()).toBeVisible();

  await joinRoom(bob.page, invite);
  await expectPeers(bob.page, 1);
  await showExplorer(bob.page);
  const tree = bob.page.getByRole('tree', { name: 'Files' });
  for (const top of ['README.md', 'data', 'src', 'assets']) await expect(tree.locator(`[data-path="${top}"]`)).toBeVisible({ timeout: 60_000 });
  // The guest is told what the host's folder has that the room does not carry.
  await expect(bob.page.getByRole('status').filter({ hasText: 'logs/huge.log' }).first()).toBeVisible();

  // The tree came without the text: nobody opened these files yet, so the room has not sent them.
  expect(await docText(bob.page, large)).toBeNull();
  expect(await docText(bob.page, small)).toBeNull();

  // Opening a file brings its text, exactly as on the host's disk.
  await openInTree(bob.page, 'README.md');
  await expect.poll(() => editorText(bob.page)).toBe(readFileSync(path.join(folder.dir, 'README.md'), 'utf8'));
  await openInTree(bob.page, large);
  await expect.poll(() => editorText(bob.page), { timeout: 60_000 }).toBe(readFileSync(path.join(folder.dir, large), 'utf8'));
  // The probe does read the guest's doc: what was opened is there (so the nulls above and below mean "not sent").
  expect(await docText(bob.page, large)).toBe(readFileSync(path.join(folder.dir, large), 'utf8'));
  // Only what was opened came.
  expect(await docText(bob.page, small)).toBeNull();

  // A binary file is listed but not carried: opening it says why.
  await tree.locator('[data-path="assets"]').click();
  await tree.locator('[data-path="assets/logo.png"]').click();
  await expect(bob.page.getByRole('alert').filter({ hasText: 'assets/logo.png' }).filter({ hasText: /binary/i }).first()).toBeVisible();
  expect(await docText(bob.page, 'assets/logo.png')).toBeNull();

  // What the guest opened is the room's text: the guest's edit reaches the host.
  await openInTree(bob.page, 'README.md');
  await bob.page.locator('.monaco-editor .view-lines').click();
  await bob.page.keyboard.press('Control+Home');
  await bob.page.keyboard.type('# from bob\n');
  await expect.poll(() => docText(alice.page, 'README.md')).toMatch(/^# from bob\n/);

  expect(set.peers.flatMap((p) => p.errors)).toEqual([]);
});
