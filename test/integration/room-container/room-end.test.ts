import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostServices, type HostServices } from '../../../main/host/services';
import { startWebHost, type WebHost } from '../../../main/host/web-server';
import { RoomContainerService } from '../../../main/room-container/room-container-service';
import { shIn } from './container-exec';

// A room's container ends with its room (issue 10): when the owner stops sharing, or the owner's
// page goes away, the container is stopped and removed. What holds the user's files stays: with
// "Docker volume" storage the volumes are kept (and a container made again for that room finds
// every file); with storage copied from the folder, the folder is the user's and the copy goes.
// The open folder's own container is not the room's and stays. A room container left by an app
// that died while hosting is removed at the next start. All on the real dockerd, through the
// real browser host.

const docker = new Docker();
let dir: string;
let folder: string;
let services: HostServices;
let host: WebHost;
const LABEL_SCOPE = 'codecrafter.room-container.scope';
// Room ids as invites carry them (22 characters of base64url); unique per test run.
const roomId = (name: string) => `${name}-${process.pid}-testroom`.slice(0, 22).padEnd(8, 'x');

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-room-end-'));
  folder = path.join(dir, 'folder');
  mkdirSync(path.join(dir, 'static'));
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'main.py'), 'print("hi")\n');
  writeFileSync(path.join(dir, 'static', 'index.html'), '<!doctype html><title>CodeCrafter</title>');
  services = createHostServices({ dataDir: path.join(dir, 'data'), host: 'web', sandboxWarm: [] });
  host = await startWebHost({ services, staticDir: path.join(dir, 'static'), host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await host.close();
  await services.dispose();
  // Whatever a failed test left: every container and volume of this test's scopes.
  for (const scope of [`folder:${folder}`, ...['synced', 'volume', 'closed', 'crashed'].map((n) => `room:${roomId(n)}`)]) {
    for (const c of await docker.listContainers({ all: true, filters: { label: [`${LABEL_SCOPE}=${scope}`] } })) await docker.getContainer(c.Id).remove({ force: true });
    const { Volumes } = await docker.listVolumes({ filters: { label: [`${LABEL_SCOPE}=${scope}`] } });
    for (const v of Volumes ?? []) await docker.getVolume(v.Name).remove();
  }
  rmSync(dir, { recursive: true, force: true });
});

interface Page {
  call<T = unknown>(ch: string, arg?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** A page's socket to the browser host that can call contract methods. */
async function page(): Promise<Page> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc?token=${host.token}`);
  const waiting = new Map<number, (frame: Record<string, unknown>) => void>();
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Record<string, unknown>;
    if (typeof frame.id === 'number') waiting.get(frame.id)?.(frame);
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let next = 0;
  return {
    call<T>(ch: string, arg?: unknown) {
      const id = ++next;
      ws.send(JSON.stringify({ t: 'call', id, ch, arg }));
      return new Promise<T>((resolve, reject) =>
        waiting.set(id, (frame) => (frame.t === 'result' ? resolve(frame.value as T) : reject(new Error(JSON.stringify(frame.error))))),
      );
    },
    close: () => new Promise((resolve) => (ws.once('close', () => resolve()), ws.close())),
  };
}

const containersOf = async (scope: string) => docker.listContainers({ all: true, filters: { label: [`${LABEL_SCOPE}=${scope}`] } });
const volumesOf = async (scope: string) => ((await docker.listVolumes({ filters: { label: [`${LABEL_SCOPE}=${scope}`] } })).Volumes ?? []).map((v) => v.Name).sort();

async function exec(scope: string, script: string): Promise<string> {
  const [info] = await containersOf(scope);
  if (!info) throw new Error(`no container for ${scope}`);
  return shIn(docker, info.Id, script);
}

const LANGUAGES = ['python', 'bash'];

describe("a room's container ends with the room", () => {
  it('is refused for a room this host does not host', { timeout: 60_000 }, async () => {
    const owner = await page();
    await owner.call('workspace.open', { path: folder });
    await expect(owner.call('roomContainer.create', { room: roomId('synced'), languages: LANGUAGES, storage: 'synced' })).rejects.toThrow(/Share the folder first/);
    expect(await containersOf(`room:${roomId('synced')}`)).toEqual([]);
    await owner.close();
  });

  it('copied from the folder: Stop sharing removes the container and its copy; the folder and its own container stay', { timeout: 900_000 }, async () => {
    const owner = await page();
    await owner.call('workspace.open', { path: folder });
    const scope = `room:${roomId('synced')}`;
    // The folder's own container, made before the share, is not the room's.
    await owner.call('roomContainer.create', { languages: LANGUAGES, storage: 'volume' });
    await owner.call('room.startHosting', { lan: false });
    const made = await owner.call<{ exists: boolean; running: boolean }>('roomContainer.create', { room: roomId('synced'), languages: LANGUAGES, storage: 'synced' });
    expect(made).toMatchObject({ exists: true, running: true });
    expect(await exec(scope, 'cat /workspace/main.py && echo made-in-room > /workspace/new.txt && cat /workspace/new.txt')).toBe('print("hi")\nmade-in-room\n');
    expect(await volumesOf(scope)).toHaveLength(2);

    await owner.call('room.stopHosting', {});
    expect(await containersOf(scope)).toEqual([]);
    expect(await volumesOf(scope)).toEqual([]);
    expect(await owner.call('roomContainer.status', { room: roomId('synced') })).toMatchObject({ exists: false });
    // The user's files are the folder's, untouched; the folder's container carries on.
    expect(readFileSync(path.join(folder, 'main.py'), 'utf8')).toBe('print("hi")\n');
    expect(await owner.call('roomContainer.status')).toMatchObject({ exists: true, running: true });
    expect(await owner.call('roomContainer.remove')).toEqual({ removed: true });
    await owner.close();
  });

  it('in a Docker volume: the container goes when the owner page closes, the volumes and every file stay for the room', { timeout: 900_000 }, async () => {
    const owner = await page();
    await owner.call('workspace.open', { path: folder });
    const room = roomId('volume');
    const scope = `room:${room}`;
    await owner.call('room.startHosting', { lan: false });
    await owner.call('roomContainer.create', { room, languages: LANGUAGES, storage: 'volume' });
    await exec(scope, 'echo kept-in-volume > /workspace/work.txt && echo home > ~/.profile-kept');
    const volumes = await volumesOf(scope);
    expect(volumes).toHaveLength(2);

    // The owner's page goes away (tab closed): the room ends, and with it its container.
    await owner.close();
    await expect.poll(async () => (await containersOf(scope)).length, { timeout: 60_000 }).toBe(0);
    expect(await volumesOf(scope)).toEqual(volumes);

    // A container made again for that room finds every file in the kept volumes.
    const again = await page();
    await again.call('workspace.open', { path: folder });
    await again.call('room.startHosting', { lan: false });
    await again.call('roomContainer.create', { room, languages: LANGUAGES, storage: 'volume' });
    expect(await exec(scope, 'cat /workspace/work.txt ~/.profile-kept')).toBe('kept-in-volume\nhome\n');
    // Removing it for good (the dialog's Remove) takes the volumes too.
    expect(await again.call('roomContainer.remove', { room })).toEqual({ removed: true });
    expect(await volumesOf(scope)).toEqual([]);
    await again.call('room.stopHosting', {});
    await again.close();
  });

  it("a room container whose app died while hosting is removed at the app's next start", { timeout: 900_000 }, async () => {
    const scope = `room:${roomId('crashed')}`;
    // A process that has ended: its pid is the owner the container names.
    const ended = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const deadOwner = `${os.hostname()}:${ended.stdout.trim()}:crashed`;
    const crashed = new RoomContainerService(docker, path.join(dir, 'archives'), deadOwner);
    await crashed.create(scope, { languages: ['python', 'bash'], storage: 'synced', folder }, () => {});
    const alive = `room:${roomId('closed')}`;
    const live = new RoomContainerService(docker, path.join(dir, 'archives'));
    await live.create(alive, { languages: ['python', 'bash'], storage: 'synced', folder }, () => {});

    // The next start of the app reaps what the dead one left, and nothing of a living one.
    // (Any app starting on this machine meanwhile reaps it too, so the count is not checked.)
    const restarted = new RoomContainerService(docker, path.join(dir, 'archives'));
    await restarted.reapEndedRooms();
    expect(await containersOf(scope)).toEqual([]);
    expect(await volumesOf(scope)).toEqual([]);
    expect(await containersOf(alive)).toHaveLength(1);
    expect(await live.endOwnedRooms()).toBe(1);
    expect(await containersOf(alive)).toEqual([]);
  });
});
