import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../common/contract';
import { ErrorCode, HostError } from '../../common/errors';
import type { FileChange } from '../../common/types';
import { resolveInside, toWorkspacePath } from './safe-path';
import { WorkspaceService } from './workspace-service';

// The workspace service on real folders: what it refuses, with which code and message, and that a
// refusal leaves the files as they were; and the watcher's report of a folder deleted from outside.

let dir: string;
let root: string;
let changes: FileChange[];
let service: WorkspaceService;

async function refusal(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the call should have failed').toBeInstanceOf(HostError);
  expect((error as HostError).code).toBe(code);
  expect((error as HostError).message).toMatch(message);
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-ws-refusals-'));
  root = path.join(dir, 'project');
  mkdirSync(path.join(root, 'src'), { recursive: true });
  writeFileSync(path.join(root, 'src', 'a.py'), 'a = 1\n');
  writeFileSync(path.join(root, 'src', 'b.py'), 'b = 2\n');
  writeFileSync(path.join(root, 'notes.txt'), 'keep me\n');
  changes = [];
  service = new WorkspaceService((c) => changes.push(...c));
  await service.open(root);
});

afterEach(() => {
  service.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('WorkspaceService refusals', () => {
  it('opens only an absolute path to an existing folder', async () => {
    const other = new WorkspaceService(() => {});
    await refusal(other.open('project'), ErrorCode.InvalidArgument, /"project" is not an absolute folder path/);
    await refusal(other.open(path.join(root, 'notes.txt')), ErrorCode.InvalidArgument, /notes\.txt" is a file, not a folder/);
    await refusal(other.open(path.join(dir, 'gone')), ErrorCode.NotFound, /Cannot open ".*gone": it does not exist/);
    expect(other.info()).toBeNull();
    await refusal(other.listFiles(), ErrorCode.NoWorkspace, /No folder is open/);
  });

  it('does not open folders, files over the size limit or binary files as text', async () => {
    await refusal(service.readFile('src'), ErrorCode.InvalidArgument, /"src" is a folder, not a file/);
    const big = openSync(path.join(root, 'big.log'), 'w');
    ftruncateSync(big, MAX_FILE_BYTES + 1);
    closeSync(big);
    await refusal(service.readFile('big.log'), ErrorCode.Unsupported, /"big\.log" is 16\.0 MB; the editor opens files up to 16 MB/);
    writeFileSync(path.join(root, 'image.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    await refusal(service.readFile('image.bin'), ErrorCode.Unsupported, /"image\.bin" looks like a binary file/);
    await refusal(service.readFile('../outside.txt'), ErrorCode.InvalidArgument, /Invalid workspace path "\.\.\/outside\.txt"/);
  });

  it('says what is in the way of a write, and writes nothing', async () => {
    // A file where a folder should be is the caller's mistake, said as such, not an internal error.
    await refusal(service.writeFile('notes.txt/inner.txt', 'x'), ErrorCode.InvalidArgument, /"notes\.txt\/inner\.txt": a part of the path is a file, not a folder/);
    await refusal(service.readFile('notes.txt/inner.txt'), ErrorCode.InvalidArgument, /a part of the path is a file, not a folder/);
    await refusal(service.createFolder('notes.txt/sub'), ErrorCode.InvalidArgument, /a part of the path is a file, not a folder/);
    await refusal(service.writeFile('src', 'x'), ErrorCode.InvalidArgument, /Cannot save "src": it is a folder, not a file/);
    await refusal(service.createFile('notes.txt', 'new'), ErrorCode.AlreadyExists, /Cannot create "notes\.txt": something with that name already exists/);
    await refusal(service.createFolder('src'), ErrorCode.AlreadyExists, /Cannot create folder "src"/);
    expect(readFileSync(path.join(root, 'notes.txt'), 'utf8')).toBe('keep me\n');
  });

  it('never renames over an existing file or into the folder itself', async () => {
    await service.rename('notes.txt', 'notes.txt');
    await refusal(service.rename('src', 'src/inner'), ErrorCode.InvalidArgument, /Cannot move "src" into itself/);
    await refusal(service.rename('src/a.py', 'src/b.py'), ErrorCode.AlreadyExists, /Cannot rename to "src\/b\.py": it already exists/);
    await refusal(service.rename('missing.py', 'found.py'), ErrorCode.NotFound, /Cannot rename "missing\.py": it does not exist/);
    await refusal(service.delete('missing.py'), ErrorCode.NotFound, /Cannot delete "missing\.py"/);
    expect(readFileSync(path.join(root, 'src', 'b.py'), 'utf8')).toBe('b = 2\n');
    expect(readFileSync(path.join(root, 'notes.txt'), 'utf8')).toBe('keep me\n');
  });

  it('fills only an empty folder when forking, and never a path that is a file', async () => {
    await refusal(service.writeNewFolder('fork', {}), ErrorCode.InvalidArgument, /"fork" is not an absolute folder path/);
    await refusal(service.writeNewFolder(root, { 'x.py': '' }), ErrorCode.AlreadyExists, /is not empty: fork into a new or empty folder/);
    await refusal(service.writeNewFolder(path.join(root, 'notes.txt', 'fork'), {}), ErrorCode.InvalidArgument, /Cannot create ".*notes\.txt\/fork": a part of the path is a file/);
    const fork = path.join(dir, 'fork');
    await refusal(service.writeNewFolder(fork, { 'a.py': '1', 'a.py/b.py': '2' }), ErrorCode.InvalidArgument, /"a\.py\/b\.py": a part of the path is a file, not a folder/);
    expect(readFileSync(path.join(fork, 'a.py'), 'utf8')).toBe('1');
  });
});

describe('the workspace watcher', () => {
  async function until(predicate: () => boolean): Promise<void> {
    for (let i = 0; i < 200 && !predicate(); i++) await new Promise((r) => setTimeout(r, 25));
  }

  it('reports a folder deleted from outside once, and its files as new when they come back', async () => {
    rmSync(path.join(root, 'src'), { recursive: true });
    await until(() => changes.some((c) => c.kind === 'deleted' && c.path === 'src'));
    const deleted = changes.filter((c) => c.kind === 'deleted').map((c) => c.path);
    expect(deleted).toContain('src');
    // What was under the folder went with it: not reported again, one by one.
    expect(deleted.filter((p) => p.startsWith('src/'))).toEqual([]);

    changes.length = 0;
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'src', 'a.py'), 'a = 3\n');
    await until(() => changes.some((c) => c.path === 'src/a.py'));
    expect(changes).toContainEqual({ kind: 'created', path: 'src/a.py', entryKind: 'file' });
  });
});

describe('workspace paths', () => {
  it('resolves inside the folder and maps absolute paths back, or to null outside it', async () => {
    const real = service.root();
    expect(await resolveInside(real, 'src/new/deep.py')).toBe(path.join(real, 'src', 'new', 'deep.py'));
    expect(toWorkspacePath(real, path.join(real, 'src', 'a.py'))).toBe('src/a.py');
    expect(toWorkspacePath(real, real)).toBeNull();
    expect(toWorkspacePath(real, path.join(dir, 'elsewhere.py'))).toBeNull();
  });
});
