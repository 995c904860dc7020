import Database from 'better-sqlite3';
import { existsSync, chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contract, type Contract } from '../../../common/contract';
import { createClient, type ClientOf } from '../../../common/rpc';
import { HistoryStore } from '../../../main/history';
import { createInMemoryTransport } from '../../../main/host/memory-transport';
import { createHostServices, type HostServices } from '../../../main/host/services';
import { syncStep1Message, updateMessage } from '../../../common/history-sync';

// Issue 11: the data folder holds file contents, terminal output and chat. After real use through
// the contract (real SQLite files, a real export), every folder in it is 0700 and every file 0600,
// the SQLite -wal and -shm included; what an older install left 0755/0644 is tightened at start.

const posix = process.platform !== 'win32';

let dir: string;
let dataDir: string;
let project: string;
let services: HostServices | undefined;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-modes-'));
  dataDir = path.join(dir, 'data');
  project = path.join(dir, 'project');
  mkdirSync(project);
  writeFileSync(path.join(project, 'main.py'), 'print(1)\n');
});

afterEach(async () => {
  await services?.dispose();
  services = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function start(): ClientOf<Contract> {
  services = createHostServices({ dataDir, host: 'web', sandboxWarm: [] });
  return createClient(contract, createInMemoryTransport(services.dispatcher, services.hub));
}

const modeOf = (file: string) => lstatSync(file).mode & 0o777;

/** Every entry under root with its permission bits, folders marked with a trailing slash. */
function modes(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const file = path.join(d, name);
      const rel = path.relative(root, file);
      const stats = lstatSync(file);
      if (stats.isDirectory()) {
        out[`${rel}/`] = (stats.mode & 0o777).toString(8);
        walk(file);
      } else {
        out[rel] = (stats.mode & 0o777).toString(8);
      }
    }
  };
  walk(root);
  return out;
}

async function use(api: ClientOf<Contract>): Promise<void> {
  await api.workspace.open({ path: project });
  const doc = new Y.Doc();
  const live = await api.history.begin({ syncStep1: Buffer.from(syncStep1Message(doc)).toString('base64') });
  const updates: Array<{ data: string; time: number; author: string }> = [];
  doc.on('update', (u: Uint8Array) => updates.push({ data: Buffer.from(updateMessage(u)).toString('base64'), time: Date.now(), author: 'you' }));
  const text = new Y.Text();
  doc.transact(() => doc.getMap<Y.Text>('files').set('main.py', text));
  text.insert(0, 'print("secret")\n');
  await api.history.push({ sessionId: live.sessionId, messages: updates, events: [] });
  await api.history.exportSession({ sessionId: live.sessionId });
  await api.history.setRetention({ days: 30 });
  await api.settings.update({ fontSize: 15 });
}

describe.runIf(posix)('data folder permissions', () => {
  it('after real use every folder is 0700 and every file 0600, -wal and -shm included', async () => {
    const previous = process.umask(0o022); // the usual umask, which gives 0755/0644 by default
    try {
      await use(start());
      const found = modes(dataDir);
      expect(modeOf(dataDir).toString(8)).toBe('700');
      for (const name of ['codecrafter.db', 'codecrafter.db-wal', 'codecrafter.db-shm', 'history.sqlite', 'history.sqlite-wal', 'history.sqlite-shm', 'exports/']) {
        expect(Object.keys(found), name).toContain(name);
      }
      // The retention is a row of codecrafter.db's settings since issue 12, not a side file.
      expect(Object.keys(found)).not.toContain('history-retention.json');
      expect(Object.keys(found).some((f) => f.startsWith('exports/') && f.endsWith('.ccsession'))).toBe(true);
      for (const [name, mode] of Object.entries(found)) expect(mode, name).toBe(name.endsWith('/') ? '700' : '600');
    } finally {
      process.umask(previous);
    }
  });

  it('tightens what an older install left 0755/0644 when it starts', async () => {
    const previous = process.umask(0o022);
    try {
      mkdirSync(path.join(dataDir, 'exports'), { recursive: true });
      for (const name of ['codecrafter.db', 'history.sqlite']) {
        const db = new Database(path.join(dataDir, name));
        db.pragma('journal_mode = WAL');
        db.exec('CREATE TABLE t (x)');
        // Keep the -wal and -shm on disk, as a crashed older version would.
        db.pragma('wal_autocheckpoint = 0');
        db.exec('INSERT INTO t VALUES (1)');
        const copy = new Database(path.join(dataDir, name));
        db.close();
        copy.close();
      }
      writeFileSync(path.join(dataDir, 'history-retention.json'), '{"days":30}');
      writeFileSync(path.join(dataDir, 'exports', 'session-old.ccsession'), 'old');
      writeFileSync(path.join(dataDir, 'codecrafter.db-wal'), '', { flag: 'a' });
      chmodSync(dataDir, 0o755);
      chmodSync(path.join(dataDir, 'exports'), 0o755);
      for (const [name, mode] of Object.entries(modes(dataDir))) {
        if (!name.endsWith('/')) chmodSync(path.join(dataDir, name), 0o644);
        else expect(mode).toBe('755');
      }
      expect(Object.values(modes(dataDir)).filter((m) => m === '644').length).toBeGreaterThanOrEqual(5);

      start();
      expect(modeOf(dataDir).toString(8)).toBe('700');
      for (const [name, mode] of Object.entries(modes(dataDir))) expect(mode, name).toBe(name.endsWith('/') ? '700' : '600');
    } finally {
      process.umask(previous);
    }
  });

  it('leaves a folder that is not its own alone, and still keeps its own files private', async () => {
    const previous = process.umask(0o022);
    try {
      mkdirSync(dataDir, { mode: 0o755 });
      chmodSync(dataDir, 0o755);
      writeFileSync(path.join(dataDir, 'notes.txt'), 'mine', { mode: 0o644 });
      chmodSync(path.join(dataDir, 'notes.txt'), 0o644);
      start();
      expect(modeOf(dataDir).toString(8)).toBe('755');
      expect(modeOf(path.join(dataDir, 'notes.txt')).toString(8)).toBe('644');
      expect(modeOf(path.join(dataDir, 'codecrafter.db')).toString(8)).toBe('600');
      // The history worker thread opens its database moments after start (issue 12).
      await expect.poll(() => existsSync(path.join(dataDir, 'history.sqlite')), { timeout: 60_000 }).toBe(true);
      expect(modeOf(path.join(dataDir, 'history.sqlite')).toString(8)).toBe('600');
    } finally {
      process.umask(previous);
    }
  });

  it('the history CLI creates its folder 0700 and its database 0600', () => {
    const previous = process.umask(0o022);
    try {
      const file = path.join(dir, 'fresh', 'nested', 'history.sqlite');
      const store = HistoryStore.open(file);
      store.close();
      expect(modeOf(path.dirname(file)).toString(8)).toBe('700');
      expect(modeOf(file).toString(8)).toBe('600');
    } finally {
      process.umask(previous);
    }
  });
});
