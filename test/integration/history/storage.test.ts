// One contract, two storages (issue 12): the SQLite storage on a real temp file and the in-memory
// one pass the same cases (storage-contract.ts). Then what only a file can do: a session written
// in memory, exported, is imported into a file and read back after the file is reopened.
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { HistoryStore, MemoryHistoryStorage, SqliteHistoryStorage } from '../../../main/history';
import { describeHistoryStorageContract } from './storage-contract';
import { tempDir } from './helpers';

describeHistoryStorageContract('SQLite file', (dir) => SqliteHistoryStorage.open(path.join(dir, 'history.sqlite')));
describeHistoryStorageContract('memory', () => new MemoryHistoryStorage());

describe('between the storages', () => {
  const tmp = tempDir('cc-history-storages-');
  afterAll(() => tmp.cleanup());

  it('a session recorded in memory, exported, is imported into a SQLite file and survives reopening it', () => {
    const memory = new HistoryStore(new MemoryHistoryStorage());
    const recorder = memory.startSession({ workspaceId: 'folder:/w', kind: 'solo', title: 'in memory' });
    const doc = new Y.Doc();
    recorder.attach(doc);
    const text = new Y.Text();
    doc.getMap<Y.Text>('files').set('main.py', text);
    for (let i = 0; i < 300; i++) text.insert(text.length, 'x'); // more than one chunk (256 updates)
    recorder.recordEvent({ kind: 'run-start', author: 'you', runId: 'r1', entry: 'main.py' });
    recorder.close();
    const [info] = memory.listSessions();
    const file = path.join(tmp.dir, 'memory.ccsession');
    memory.exportSession(info!.id, file);
    memory.close();

    const dbFile = path.join(tmp.dir, 'history.sqlite');
    const disk = HistoryStore.open(dbFile);
    expect(disk.importSession(file)).toMatchObject({ id: info!.id, title: 'in memory', lastSeq: 301 });
    disk.close();
    const reopened = HistoryStore.open(dbFile);
    try {
      const replay = reopened.openReplay(info!.id);
      expect(replay.filesAt('end').files).toEqual({ 'main.py': 'x'.repeat(300) });
      expect(replay.filesAt({ seq: 101 }).files).toEqual({ 'main.py': 'x'.repeat(100) });
      expect(replay.events({ kinds: ['run-start'] })).toHaveLength(1);
    } finally {
      reopened.close();
    }
  });
});
