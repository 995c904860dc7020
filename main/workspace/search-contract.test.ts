import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { contract, type Contract } from '../../common/contract';
import { ErrorCode } from '../../common/errors';
import { createClient, type ClientOf } from '../../common/rpc';
import { createInMemoryTransport } from '../host/memory-transport';
import { createHostServices, type HostServices } from '../host/services';

// workspace.search and the editor settings through the contract, with the real services behind
// it (issue 11): main validates each request and answers a bad one with a typed error.

let dir: string;
let services: HostServices;
let api: ClientOf<Contract>;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-search-contract-'));
  mkdirSync(path.join(dir, 'project', 'src'), { recursive: true });
  writeFileSync(path.join(dir, 'project', 'src', 'main.py'), 'def greet():\n    print("greet")\n');
  services = createHostServices({ dataDir: path.join(dir, 'data'), host: 'web', sandboxWarm: [] });
  api = createClient(contract, createInMemoryTransport(services.dispatcher, services.hub));
});

afterEach(async () => {
  await services.dispose();
  rmSync(dir, { recursive: true, force: true });
});

it('searches the open folder and refuses bad requests with typed errors', async () => {
  const transport = createInMemoryTransport(services.dispatcher, services.hub);
  const noFolder = await transport.request('workspace.search', { query: 'greet' });
  expect(noFolder.ok ? 'ok' : noFolder.error.code).toBe(ErrorCode.NoWorkspace);

  await api.workspace.open({ path: path.join(dir, 'project') });
  const result = await api.workspace.search({ query: 'greet', wholeWord: true });
  expect(result.files).toEqual([
    {
      path: 'src/main.py',
      matches: [
        { line: 1, column: 5, length: 5, preview: 'def greet():', previewColumn: 4 },
        { line: 2, column: 12, length: 5, preview: '    print("greet")', previewColumn: 11 },
      ],
    },
  ]);

  const bad = await Promise.all([
    transport.request('workspace.search', { query: '' }),
    transport.request('workspace.search', { query: 'a(', isRegex: true }),
    transport.request('workspace.search', { query: 'a', include: ['../**'] }),
    transport.request('workspace.search', { query: 'a', exclude: ['/etc'] }),
    transport.request('workspace.search', { query: 42 }),
    transport.request('workspace.search', { query: 'a', maxResults: 0 }),
  ]);
  expect(bad.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(Array(6).fill(ErrorCode.InvalidArgument));
});

it('keeps the editor settings and refuses values outside their range', async () => {
  const transport = createInMemoryTransport(services.dispatcher, services.hub);
  const updated = await api.settings.update({ tabSize: 2, insertSpaces: false, wordWrap: 'on', autoSave: 'afterDelay', autoSaveDelayMs: 500 });
  expect(updated).toMatchObject({ tabSize: 2, insertSpaces: false, wordWrap: 'on', autoSave: 'afterDelay', autoSaveDelayMs: 500 });
  const bad = await Promise.all([
    transport.request('settings.update', { tabSize: 0 }),
    transport.request('settings.update', { wordWrap: 'sometimes' }),
    transport.request('settings.update', { autoSave: 'onWindowChange' }),
    transport.request('settings.update', { autoSaveDelayMs: 10 }),
  ]);
  expect(bad.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(Array(4).fill(ErrorCode.InvalidArgument));
  expect((await api.settings.get()).tabSize).toBe(2);
});
