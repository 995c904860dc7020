// The history use cases behind their interface (issue 12), with real parts: the history log and
// the settings in real SQLite files, the folder through the real WorkspaceService. The service
// takes its storage as a parameter; the same cases run over the in-memory storage too.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode, HostError } from '../../../common/errors';
import { HistoryError, MemoryHistoryStorage, SqliteHistoryStorage, type HistoryStorage } from '../../../main/history';
import { historyToHostError } from '../../../main/history/host-errors';
import { createHistoryService, type HistoryService } from '../../../main/services/history-service';
import { openAppDatabase, type SqliteDatabase } from '../../../main/store/database';
import { HistoryRetentionStore } from '../../../main/store/history-retention';
import { WorkspaceService } from '../../../main/workspace/workspace-service';

const STORAGES: Array<[string, (dir: string) => HistoryStorage]> = [
  ['a SQLite file', (dir) => SqliteHistoryStorage.open(path.join(dir, 'history.sqlite'))],
  ['memory', () => new MemoryHistoryStorage()],
];

describe.each(STORAGES)('HistoryService over %s', (_name, openStorage) => {
  let tmp: string;
  let folder: string;
  let storage: HistoryStorage;
  let db: SqliteDatabase;
  let workspace: WorkspaceService;
  let service: HistoryService;
  const stored: number[] = [];

  beforeEach(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'cc-history-service-'));
    folder = path.join(tmp, 'project');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'main.py'), '');
    storage = openStorage(tmp);
    db = openAppDatabase(path.join(tmp, 'data')).db;
    workspace = new WorkspaceService(() => {});
    await workspace.open(folder);
    service = createHistoryService({
      storage,
      workspace,
      retention: new HistoryRetentionStore(db, path.join(tmp, 'data')),
      exportDir: path.join(tmp, 'exports'),
      onStored: ({ durableSeq }) => stored.push(durableSeq),
    });
  });

  afterEach(() => {
    service.dispose();
    storage.close();
    db.close();
    workspace.dispose();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** Types into a renderer-side doc and pushes its updates as the renderer does. */
  function typeAndPush(sessionId: string, doc: Y.Doc, file: string, text: string): void {
    const updates: { data: string; time: number; author: string }[] = [];
    const on = (u: Uint8Array) => updates.push({ data: Buffer.from(u).toString('base64'), time: Date.now(), author: 'you' });
    doc.on('update', on);
    doc.transact(() => {
      const t = new Y.Text();
      doc.getMap<Y.Text>('files').set(file, t);
      t.insert(0, text);
    });
    doc.off('update', on);
    expect(service.push({ sessionId, updates, events: [] })).toMatchObject({ missing: false });
  }

  it('records pushes into the open folder\'s session, commits them, and says so', async () => {
    const live = await service.begin(undefined);
    typeAndPush(live.sessionId, new Y.Doc(), 'main.py', 'print(1)\n');
    const flushed = await service.flush(undefined);
    expect(flushed).toMatchObject({ sessionId: live.sessionId });
    expect(flushed!.durableSeq).toBeGreaterThan(0);
    expect(stored.at(-1)).toBe(flushed!.durableSeq);
    expect((await service.filesAt({ sessionId: live.sessionId, at: 'end' })).files).toEqual({ 'main.py': 'print(1)\n' });
  });

  it('forks through the WorkspaceService: into a new folder only, with its own session', async () => {
    const live = await service.begin(undefined);
    typeAndPush(live.sessionId, new Y.Doc(), 'src/app.py', 'x = 1\n');
    service.flush(undefined);
    const target = path.join(tmp, 'forked');
    const fork = await service.fork({ sessionId: live.sessionId, at: 'end', folder: target });
    expect(fork).toMatchObject({ folder: target, files: 1 });
    expect(readFileSync(path.join(target, 'src/app.py'), 'utf8')).toBe('x = 1\n');
    await expect(service.fork({ sessionId: live.sessionId, at: 'end', folder: target })).rejects.toMatchObject({ code: ErrorCode.AlreadyExists });
    await expect(service.fork({ sessionId: live.sessionId, at: 'end', folder: 'relative/dir' })).rejects.toMatchObject({ code: ErrorCode.InvalidArgument });
    expect(storage.getSession(fork.sessionId)).toMatchObject({ workspaceId: `folder:${target}`, kind: 'fork', parentId: live.sessionId });
  });

  it('keeps the retention in the settings database and prunes with it', async () => {
    expect(await service.getRetention(undefined)).toEqual({ days: null });
    expect(await service.setRetention({ days: 30 })).toEqual({ days: 30, pruned: 0 });
    expect(new HistoryRetentionStore(db, path.join(tmp, 'data')).get()).toEqual({ days: 30 });
  });

  it('maps history errors to the contract\'s codes in one place', () => {
    let thrown: unknown;
    try {
      service.filesAt({ sessionId: '00000000-0000-0000-0000-000000000000', at: 'end' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HistoryError);
    const mapped = historyToHostError(thrown, 'Cannot replay');
    expect(mapped).toBeInstanceOf(HostError);
    expect(mapped).toMatchObject({ code: ErrorCode.NotFound });
    expect((mapped as Error).message).toMatch(/^Cannot replay: /);
    expect(historyToHostError(new HistoryError('corrupt-file', 'bad'))).toMatchObject({ code: ErrorCode.InvalidArgument, details: { historyCode: 'corrupt-file' } });
    expect(historyToHostError(new HistoryError('closed', 'x'))).toMatchObject({ code: ErrorCode.Unavailable });
    const other = new Error('not history');
    expect(historyToHostError(other)).toBe(other);
  });
});
