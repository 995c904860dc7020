import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type Contract } from '../../common/contract';
import { ErrorCode, HostError } from '../../common/errors';
import { createClient, type ClientOf } from '../../common/rpc';
import { createInMemoryTransport } from './memory-transport';
import { createHostServices, type HostOptions, type HostServices } from './services';

// The host's services over the in-memory transport with what only some hosts give them (Electron's
// folder dialog and pending invite), a settings database that cannot be read, the Recent list, and
// a hosted room's write gate and lifetime: real SQLite, a real folder, a real signalling server.

let dir: string;
let dataDir: string;
let project: string;
let services: HostServices | undefined;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-host-options-'));
  dataDir = path.join(dir, 'data');
  project = path.join(dir, 'project');
  mkdirSync(project);
  writeFileSync(path.join(project, 'shared.txt'), 'before\n');
  writeFileSync(path.join(project, 'private.txt'), 'mine\n');
});

afterEach(async () => {
  await services?.dispose();
  services = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function start(options: Partial<HostOptions> = {}, origin = 'page-1'): ClientOf<Contract> {
  services = createHostServices({ dataDir, host: 'electron', sandboxWarm: [], ...options });
  return createClient(contract, createInMemoryTransport(services.dispatcher, services.hub, origin));
}

async function failure(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the call should have failed').toBeInstanceOf(HostError);
  return error as HostError;
}

describe('host options', () => {
  it('keeps an unreadable settings database aside, starts a new one and tells the page where the old one is', async () => {
    mkdirSync(dataDir);
    const garbage = 'this is not a SQLite database, but it is the user\'s file\n'.repeat(100);
    writeFileSync(path.join(dataDir, 'codecrafter.db'), garbage);
    const api = start();
    const notices = await api.app.getNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ id: 'database-recovered', level: 'warning' });
    const backup = readdirSync(dataDir).find((name) => name.startsWith('codecrafter.db.corrupt-'));
    expect(backup).toBeDefined();
    expect(notices[0]!.message).toContain(path.join(dataDir, backup!));
    expect(notices[0]!.message).toMatch(/recent folders and settings are reset/);
    // Nothing lost: the old file is there as it was, and the new database works.
    expect(readFileSync(path.join(dataDir, backup!), 'utf8')).toBe(garbage);
    const updated = await api.settings.update({ fontSize: 17 });
    expect(updated.fontSize).toBe(17);
  });

  it('has no notices for a database that opens', async () => {
    expect(await start().app.getNotices()).toEqual([]);
  });

  it("hands the page Electron's pending invite and folder dialog answers", async () => {
    const answers = [path.join(dir, 'picked'), null];
    const api = start({ pendingInvite: () => 'codecrafter://join/room-1#secret', pickFolder: async () => answers.shift() ?? null });
    expect(await api.app.takePendingInvite()).toEqual({ link: 'codecrafter://join/room-1#secret' });
    expect(await api.dialog.pickFolder()).toEqual({ path: path.join(dir, 'picked') });
    expect(await api.dialog.pickFolder()).toEqual({ path: null });
  });

  it('says there is no pending invite when the host has none', async () => {
    expect(await start().app.takePendingInvite()).toEqual({ link: null });
  });

  it('lists an opened folder in Recent and forgets it when removed', async () => {
    const api = start();
    const opened = await api.workspace.open({ path: project });
    expect((await api.recent.list()).map((r) => [r.path, r.name])).toEqual([[opened.root, 'project']]);
    await api.recent.remove({ path: opened.root });
    expect(await api.recent.list()).toEqual([]);
  });
});

describe('a hosted room through the contract', () => {
  it('refuses peer changes while no room is hosted', async () => {
    const api = start();
    expect((await failure(api.room.markShared({ paths: ['shared.txt'] }))).message).toMatch(/No room is hosted from this window/);
    expect((await failure(api.room.applyPeerChanges({ ops: [] }))).code).toBe(ErrorCode.InvalidArgument);
  });

  it("applies a member's changes to shared files only, and stops with its owner's page", async () => {
    const api = start();
    await api.workspace.open({ path: project });
    const status = await api.room.startHosting({});
    expect(status).toMatchObject({ hosting: true, lanUrl: null, signalUrl: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+/) });
    expect(await api.room.startHosting({})).toEqual(status);

    await api.room.markShared({ paths: ['shared.txt'] });
    const result = await api.room.applyPeerChanges({
      ops: [
        { kind: 'write', path: 'shared.txt', content: 'after\n' },
        { kind: 'write', path: 'private.txt', content: 'stolen\n' },
        { kind: 'create', path: '.git/config', content: '[core]\n' },
      ],
    });
    expect(result.applied).toEqual([{ kind: 'write', path: 'shared.txt', content: 'after\n' }]);
    expect(result.refused.map((r) => r.op)).toEqual([
      { kind: 'write', path: 'private.txt', content: 'stolen\n' },
      { kind: 'create', path: '.git/config', content: '[core]\n' },
    ]);
    expect(result.refused[0]!.reason).toMatch(/"private\.txt" was not shared in this room/);
    expect(result.refused[1]!.reason).toMatch(/inside "\.git", which a room never writes/);
    expect(readFileSync(path.join(project, 'shared.txt'), 'utf8')).toBe('after\n');
    expect(readFileSync(path.join(project, 'private.txt'), 'utf8')).toBe('mine\n');
    expect(existsSync(path.join(project, '.git'))).toBe(false);

    // Another page going away leaves the room; its owner's page going away stops it.
    await services!.connectionClosed('page-2');
    expect((await api.room.status()).hosting).toBe(true);
    await services!.connectionClosed('page-1');
    expect(await api.room.status()).toEqual({ hosting: false, signalUrl: null, lanUrl: null, signalToken: null });
    expect((await failure(api.room.markShared({ paths: ['shared.txt'] }))).code).toBe(ErrorCode.InvalidArgument);
    await fetch(status.signalUrl!.replace(/^ws/, 'http')).then(
      () => expect.fail('the signalling server should be closed'),
      () => undefined,
    );
  });
});
