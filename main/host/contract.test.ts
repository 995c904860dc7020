import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../common/contract';
import { ErrorCode, HostError } from '../../common/errors';
import { createClient, listChannels, type ClientOf } from '../../common/rpc';
import type { Contract } from '../../common/contract';
import { createInMemoryTransport } from './memory-transport';
import { createHostServices, type HostServices } from './services';

// The contract over an in-memory transport pair, with the real services behind it: real files,
// a real SQLite database, real ptys.

let dir: string;
let workspaceDir: string;
let services: HostServices;
let api: ClientOf<Contract>;

async function expectError(promise: Promise<unknown>, code: string, message?: RegExp): Promise<HostError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the call should have failed').toBeInstanceOf(HostError);
  expect((error as HostError).code).toBe(code);
  if (message) expect((error as HostError).message).toMatch(message);
  return error as HostError;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-contract-'));
  workspaceDir = path.join(dir, 'project');
  mkdirSync(path.join(workspaceDir, 'src'), { recursive: true });
  writeFileSync(path.join(workspaceDir, 'src', 'main.py'), 'print("hi")\n');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the workspace');
  services = createHostServices({ dataDir: path.join(dir, 'data'), host: 'web', sandboxWarm: [] });
  api = createClient(contract, createInMemoryTransport(services.dispatcher, services.hub));
});

afterEach(async () => {
  await services.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('contract', () => {
  it('declares every channel once, methods and events apart', () => {
    const { methods, events } = listChannels(contract);
    expect(new Set([...methods, ...events]).size).toBe(methods.length + events.length);
    expect(methods).toContain('workspace.readFile');
    expect(events).toContain('terminal.onDidData');
    expect(events.every((e) => /\.onDid[A-Z]/.test(e))).toBe(true);
  });

  it('opens a folder, lists, reads, writes, creates, renames and deletes', async () => {
    const info = await api.workspace.open({ path: workspaceDir });
    expect(info.name).toBe('project');
    const tree = await api.workspace.listFiles();
    expect(tree.entries.map((e) => e.path)).toEqual(['src', 'src/main.py']);
    expect((await api.workspace.readFile({ path: 'src/main.py' })).content).toBe('print("hi")\n');

    await api.workspace.writeFile({ path: 'src/main.py', content: 'print("bye")\n' });
    expect(readFileSync(path.join(workspaceDir, 'src', 'main.py'), 'utf8')).toBe('print("bye")\n');

    await api.workspace.createFile({ path: 'lib/util.py', content: 'x = 1\n' });
    await expectError(api.workspace.createFile({ path: 'lib/util.py' }), ErrorCode.AlreadyExists);
    await api.workspace.createFolder({ path: 'docs' });
    await api.workspace.rename({ from: 'lib/util.py', to: 'lib/helpers.py' });
    await expectError(api.workspace.rename({ from: 'lib/helpers.py', to: 'src/main.py' }), ErrorCode.AlreadyExists);
    await api.workspace.delete({ path: 'docs' });
    const after = (await api.workspace.listFiles()).entries.map((e) => e.path);
    expect(after).toEqual(['lib', 'lib/helpers.py', 'src', 'src/main.py']);
    expect((await api.recent.list()).map((r) => r.path)).toEqual([info.root]);
  });

  it('reports outside changes to subscribers, and stops after the disposer runs', async () => {
    await api.workspace.open({ path: workspaceDir });
    const seen: string[] = [];
    const dispose = api.workspace.onDidChangeFiles(({ changes }) => seen.push(...changes.map((c) => `${c.kind}:${c.path}`)));
    writeFileSync(path.join(workspaceDir, 'new.txt'), 'made outside');
    await expect.poll(() => seen, { timeout: 5000 }).toContain('created:new.txt');
    writeFileSync(path.join(workspaceDir, 'src', 'main.py'), 'changed outside');
    await expect.poll(() => seen, { timeout: 5000 }).toContain('changed:src/main.py');
    dispose();
    const count = services.hub.listenerCount();
    expect(count).toBe(0);
  });

  it('answers malformed requests with typed errors and keeps serving', async () => {
    const transport = createInMemoryTransport(services.dispatcher, services.hub);
    const bad = [
      transport.request('workspace.readFile', { path: 42 }),
      transport.request('workspace.readFile', {}),
      transport.request('workspace.readFile', 'src/main.py'),
      transport.request('workspace.readFile', { path: 'src/main.py', extra: true }),
      transport.request('nope.nothing', {}),
      transport.request('workspace', {}),
      transport.request('terminal.resize', { id: 't1', cols: -1, rows: 5 }),
    ];
    const results = await Promise.all(bad);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      ErrorCode.InvalidArgument,
      ErrorCode.InvalidArgument,
      ErrorCode.InvalidArgument,
      ErrorCode.InvalidArgument,
      ErrorCode.UnknownMethod,
      ErrorCode.UnknownMethod,
      ErrorCode.InvalidArgument,
    ]);
    // Still serving.
    expect((await api.app.getInfo()).name).toBe('CodeCrafter');
  });

  it('refuses paths that climb out, are absolute, or lead outside through a link', async () => {
    await api.workspace.open({ path: workspaceDir });
    for (const p of ['../secret.txt', 'src/../../secret.txt', '/etc/passwd', 'C:/windows', 'src\\main.py', '', 'a//b', './x']) {
      await expectError(api.workspace.readFile({ path: p }), ErrorCode.InvalidArgument);
    }
    await expectError(api.workspace.writeFile({ path: '../evil.txt', content: 'x' }), ErrorCode.InvalidArgument, /would leave the workspace/);
    await expectError(api.workspace.rename({ from: 'src/main.py', to: '/tmp/stolen' }), ErrorCode.InvalidArgument, /absolute/);
    symlinkSync(path.join(dir, 'secret.txt'), path.join(workspaceDir, 'link.txt'));
    await expectError(api.workspace.readFile({ path: 'link.txt' }), ErrorCode.PermissionDenied, /outside the workspace/);
    symlinkSync(dir, path.join(workspaceDir, 'up'));
    await expectError(api.workspace.writeFile({ path: 'up/planted.txt', content: 'x' }), ErrorCode.PermissionDenied);
    expect(readFileSync(path.join(dir, 'secret.txt'), 'utf8')).toBe('outside the workspace');
  });

  it('says what to do when no folder is open or the folder is missing', async () => {
    await expectError(api.workspace.listFiles(), ErrorCode.NoWorkspace, /Open a folder first/);
    await expectError(api.workspace.open({ path: path.join(dir, 'missing') }), ErrorCode.NotFound);
    await expectError(api.workspace.open({ path: 'relative/folder' }), ErrorCode.InvalidArgument);
  });

  it('runs a real shell in the workspace folder through a pty', async () => {
    await api.workspace.open({ path: workspaceDir });
    let output = '';
    const off = api.terminal.onDidData(({ data }) => (output += data));
    const term = await api.terminal.create({ cols: 100, rows: 30 });
    await api.terminal.write({ id: term.id, data: 'echo "marker-$((6*7))"; pwd\r' });
    await expect.poll(() => output, { timeout: 10_000 }).toMatch(/marker-42/);
    await expect.poll(() => output, { timeout: 10_000 }).toContain(path.basename(workspaceDir));
    await api.terminal.resize({ id: term.id, cols: 120, rows: 40 });
    await api.terminal.write({ id: term.id, data: 'stty size\r' });
    await expect.poll(() => output, { timeout: 10_000 }).toMatch(/40 120/);
    const exited = new Promise((resolve) => api.terminal.onDidExit((e) => e.id === term.id && resolve(e)));
    await api.terminal.kill({ id: term.id });
    await exited;
    off();
    await expectError(api.terminal.write({ id: term.id, data: 'x' }), ErrorCode.NotFound);
  });

  it('keeps settings in SQLite across restarts', async () => {
    expect((await api.settings.update({ fontSize: 18, theme: 'light' })).fontSize).toBe(18);
    await expectError(api.settings.update({ fontSize: 400 }), ErrorCode.InvalidArgument);
    await services.dispose();
    services = createHostServices({ dataDir: path.join(dir, 'data'), host: 'web', sandboxWarm: [] });
    api = createClient(contract, createInMemoryTransport(services.dispatcher, services.hub));
    expect(await api.settings.get()).toMatchObject({ fontSize: 18, theme: 'light' });
  });

  it('says the browser host has no folder dialog', async () => {
    await expectError(api.dialog.pickFolder(), ErrorCode.Unsupported, /type the folder path/);
  });
});
