import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealHost } from '../renderer/real-host';
import { hostWithFolderContainer, shIn } from './container-exec';

// "Synced" storage kept live (issue 10 item 3): the real host services (the workspace's real file
// watcher, the room container service on the real dockerd) carry what changes in the open folder
// into the container's /workspace, host to container only: new and edited files, folders moved
// in, deletions; never hidden paths (.git), node_modules or symbolic links.

const docker = new Docker();
let host: RealHost;
let container = '';

const inContainer = (script: string) => shIn(docker, container, script);

const SLOW = { timeout: 30_000, interval: 200 };

let remove: () => Promise<void>;

beforeAll(async () => {
  ({ host, container, remove } = await hostWithFolderContainer({ languages: ['python', 'bash'], storage: 'synced' }, { mainText: 'one' }));
  expect(await host.api.roomContainer.status({})).toMatchObject({ exists: true, running: true, storage: 'synced' });
}, 900_000);

afterAll(() => remove?.(), 120_000);

describe('synced storage, live', () => {
  it('carries a new file, an edit, a folder moved in and a deletion into the container as they happen', async () => {
    expect(await inContainer('cat /workspace/main.py')).toBe('print("one")\n');

    writeFileSync(path.join(host.project, 'main.py'), 'print("two")\n');
    writeFileSync(path.join(host.project, 'notes.txt'), 'new file\n');
    await expect.poll(() => inContainer('cat /workspace/main.py /workspace/notes.txt 2>&1'), SLOW).toBe('print("two")\nnew file\n');

    // A folder made elsewhere and moved in arrives whole, owned by the container's user.
    const outside = path.join(host.dir, 'pkg');
    mkdirSync(path.join(outside, 'sub'), { recursive: true });
    writeFileSync(path.join(outside, 'sub', 'deep.py'), 'x = 1\n');
    renameSync(outside, path.join(host.project, 'pkg'));
    await expect.poll(() => inContainer('cat /workspace/pkg/sub/deep.py 2>&1; stat -c %u /workspace/pkg/sub'), SLOW).toBe('x = 1\n1000\n');

    rmSync(path.join(host.project, 'notes.txt'));
    rmSync(path.join(host.project, 'pkg'), { recursive: true });
    await expect.poll(() => inContainer('ls -A /workspace'), SLOW).toBe('main.py\n');
  });

  it('leaves hidden paths, node_modules and symbolic links on the host, and what the container made in it', async () => {
    await inContainer('echo made-inside > /workspace/built.txt');
    mkdirSync(path.join(host.project, '.git'), { recursive: true });
    writeFileSync(path.join(host.project, '.git', 'config'), '[core]\n');
    mkdirSync(path.join(host.project, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(path.join(host.project, 'node_modules', 'dep', 'index.js'), '');
    symlinkSync('/etc/passwd', path.join(host.project, 'link'));
    // A last ordinary file: once it is there, the changes before it were seen too.
    writeFileSync(path.join(host.project, 'marker.txt'), 'm\n');
    await expect.poll(() => inContainer('cat /workspace/marker.txt 2>&1'), SLOW).toBe('m\n');
    expect(await inContainer('ls -A /workspace')).toBe('built.txt\nmain.py\nmarker.txt\n');
  });
});
