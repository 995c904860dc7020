import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extract } from 'tar-stream';
import { afterEach, describe, expect, it } from 'vitest';
import { closeLogFile, openLogFile, readRecentLog } from '../log/log-service';
import type { FileChange } from '../../common/types';
import { LiveSync, type SyncedContainer } from './live-sync';

// LiveSync's choices over a real folder; the container side is recorded (the real dockerd is in
// test/integration/room-container/live-sync.test.ts).

const dirs: string[] = [];
afterEach(() => {
  closeLogFile();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): { root: string; outside: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-live-sync-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'root'));
  mkdirSync(path.join(dir, 'outside'));
  return { root: path.join(dir, 'root'), outside: path.join(dir, 'outside') };
}

async function names(tar: Buffer): Promise<string[]> {
  const found: string[] = [];
  const reader = extract();
  reader.on('entry', (header, stream, next) => {
    if (header.type === 'file') found.push(header.name);
    stream.on('end', next);
    stream.resume();
  });
  const done = new Promise<void>((resolve) => reader.on('finish', () => resolve()));
  reader.end(tar);
  await done;
  return found.sort();
}

function recorder(containers: SyncedContainer[]) {
  const puts: Buffer[] = [];
  const removes: string[][] = [];
  const sync = new LiveSync(
    {
      containers: () => Promise.resolve(containers),
      put: (_id, tar) => Promise.resolve(void puts.push(tar)),
      remove: (_id, paths) => Promise.resolve(void removes.push(paths)),
    },
    60_000,
  );
  return { sync, puts, removes };
}

const change = (kind: FileChange['kind'], p: string): FileChange => ({ kind, path: p });
const one = [{ id: 'c1', quotaBytes: 2 ** 30, over: false }];

describe('LiveSync', () => {
  it('reads nothing through a link: a parent swapped for one, or the file itself', async () => {
    const { root, outside } = folder();
    writeFileSync(path.join(outside, 'secret.txt'), 'host secret');
    symlinkSync(outside, path.join(root, 'docs'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'leak.txt'));
    writeFileSync(path.join(root, 'ok.txt'), 'fine');
    const { sync, puts } = recorder(one);
    sync.changed(root, [change('changed', 'docs/secret.txt'), change('created', 'docs'), change('created', 'leak.txt'), change('created', 'ok.txt')]);
    await sync.flush();
    expect(puts).toHaveLength(1);
    expect(await names(puts[0]!)).toEqual(['ok.txt']);
  });

  it('removes a deleted folder once, not each path under it', async () => {
    const { root } = folder();
    const { sync, removes } = recorder(one);
    sync.changed(root, [change('deleted', 'pkg'), change('deleted', 'pkg/sub'), change('deleted', 'pkg/sub/deep.py'), change('deleted', 'other.txt')]);
    await sync.flush();
    expect(removes).toEqual([['other.txt', 'pkg']]);
  });

  it('writes nothing into a container over its disk quota, and still into the others', async () => {
    const { root } = folder();
    writeFileSync(path.join(root, 'big.bin'), 'x'.repeat(1000));
    const { sync, puts } = recorder([
      { id: 'over', quotaBytes: 2 ** 30, over: true },
      { id: 'fine', quotaBytes: 2 ** 30, over: false },
    ]);
    sync.changed(root, [change('created', 'big.bin')]);
    await sync.flush();
    expect(puts).toHaveLength(1);
  });

  it('drops what was pending for a folder that is no longer open', async () => {
    const a = folder();
    const b = folder();
    writeFileSync(path.join(a.root, 'a.txt'), 'a');
    writeFileSync(path.join(b.root, 'b.txt'), 'b');
    const { sync, puts } = recorder(one);
    sync.changed(a.root, [change('created', 'a.txt')]);
    sync.changed(b.root, [change('created', 'b.txt')]);
    await sync.flush();
    expect(await names(puts[0]!)).toEqual(['b.txt']);
  });

  it('says once, not at every save, that the containers cannot be listed (no Docker here)', async () => {
    const { root } = folder();
    await openLogFile(path.dirname(root));
    writeFileSync(path.join(root, 'a.txt'), 'a');
    const sync = new LiveSync(
      { containers: () => Promise.reject(new Error('connect ENOENT /var/run/docker.sock')), put: () => Promise.resolve(), remove: () => Promise.resolve() },
      60_000,
    );
    for (let i = 0; i < 3; i++) {
      sync.changed(root, [change('changed', 'a.txt')]);
      await sync.flush();
    }
    const lines = readRecentLog(path.dirname(root)).text.split('\n').filter((line) => line.includes('could not find the room containers'));
    expect(lines).toHaveLength(1);
  });
});
