// The history use cases behind their interface (issue 12), with real parts: the history log and
// the settings in real SQLite files, the folder through the real WorkspaceService. The service
// takes its storage as a parameter; the same cases run over the in-memory storage too.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode, HostError } from '../../../common/errors';
import type { HistoryLive } from '../../../common/contract-history';
import { decodeSyncMessage, readSyncMessage, SyncMessageType, syncStep1Message, updateMessage } from '../../../common/history-sync';
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

type Pushed = { data: string; time: number; author?: string };
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const unb64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
const typesOf = (messages: string[]) => messages.map((m) => decodeSyncMessage(unb64(m)).type);
const fileText = (doc: Y.Doc, file: string) => doc.getMap<Y.Text>('files').get(file)?.toString();

/** Per client, the clocks an update's structs cover: [first, end) and how many in all. */
function coverage(update: Uint8Array): Map<number, { from: number; to: number; length: number }> {
  const out = new Map<number, { from: number; to: number; length: number }>();
  for (const s of Y.decodeUpdate(update).structs) {
    const c = out.get(s.id.client) ?? { from: Infinity, to: 0, length: 0 };
    out.set(s.id.client, { from: Math.min(c.from, s.id.clock), to: Math.max(c.to, s.id.clock + s.length), length: c.length + s.length });
  }
  return out;
}

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

  /** Types into a renderer-side doc and pushes its updates as the renderer does: one Update message each. */
  function typeAndPush(sessionId: string, doc: Y.Doc, file: string, text: string): void {
    const messages: Pushed[] = [];
    const on = (u: Uint8Array) => messages.push({ data: b64(updateMessage(u)), time: Date.now(), author: 'you' });
    doc.on('update', on);
    doc.transact(() => {
      const t = new Y.Text();
      doc.getMap<Y.Text>('files').set(file, t);
      t.insert(0, text);
    });
    doc.off('update', on);
    expect(service.push({ sessionId, messages, events: [] })).toMatchObject({ sync: [] });
  }

  const begin = (doc: Y.Doc, room?: { roomId: string }) => service.begin({ ...room, syncStep1: b64(syncStep1Message(doc)) }) as HistoryLive;

  it('records pushes into the open folder\'s session, commits them, and says so', async () => {
    const live = begin(new Y.Doc());
    typeAndPush(live.sessionId, new Y.Doc(), 'main.py', 'print(1)\n');
    const flushed = await service.flush(undefined);
    expect(flushed).toMatchObject({ sessionId: live.sessionId });
    expect(flushed!.durableSeq).toBeGreaterThan(0);
    expect(stored.at(-1)).toBe(flushed!.durableSeq);
    expect((await service.filesAt({ sessionId: live.sessionId, at: 'end' })).files).toEqual({ 'main.py': 'print(1)\n' });
  });

  it('forks through the WorkspaceService: into a new folder only, with its own session', async () => {
    const live = begin(new Y.Doc());
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

  it('answers a SyncStep1 with a SyncStep2 of exactly what the window lacks, then asks for what it lacks', async () => {
    const a = new Y.Doc();
    const first = begin(a);
    // A new session: nothing to send back, and the recorder's own state vector is empty.
    expect(typesOf(first.sync)).toEqual([SyncMessageType.SyncStep2, SyncMessageType.SyncStep1]);
    expect(readSyncMessage(a, unb64(first.sync[0]!), 'recorder')).toBeNull();
    expect(decodeSyncMessage(unb64(first.sync[1]!)).payload).toEqual(Y.encodeStateVector(new Y.Doc()));
    typeAndPush(first.sessionId, a, 'main.py', 'print(1)\n');

    // A second window saw only that first edit; the first one goes on typing.
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const seenByB = Y.encodeStateVector(b);
    const text = a.getMap<Y.Text>('files').get('main.py')!;
    const messages: Pushed[] = [];
    a.on('update', (u: Uint8Array) => messages.push({ data: b64(updateMessage(u)), time: Date.now(), author: 'you' }));
    for (const ch of 'x = 2') text.insert(text.length, ch);
    expect(service.push({ sessionId: first.sessionId, messages, events: [] })).toEqual({ lastSeq: 6, sync: [] });
    // ...and B makes an edit of its own that the recorder has never seen.
    b.getMap<Y.Text>('files').set('b.py', new Y.Text('from b'));

    const again = begin(b);
    expect(again).toMatchObject({ sessionId: first.sessionId, resumed: true });
    expect(typesOf(again.sync)).toEqual([SyncMessageType.SyncStep2, SyncMessageType.SyncStep1]);
    const step2 = decodeSyncMessage(unb64(again.sync[0]!)).payload;
    // Exactly the five keystrokes B lacks: nothing it had, nothing of its own sent back.
    const expected = coverage(Y.encodeStateAsUpdate(a, seenByB));
    expect(coverage(step2)).toEqual(expected);
    expect([...expected.values()].reduce((n, c) => n + c.length, 0)).toBe(5);
    expect(readSyncMessage(b, unb64(again.sync[0]!), 'recorder')).toBeNull();
    expect(fileText(b, 'main.py')).toBe('print(1)\nx = 2');

    // The recorder's SyncStep1 is answered with B's own edit, which is recorded as one update
    // with the author and time the envelope gives.
    const answer = readSyncMessage(b, unb64(again.sync[1]!), 'recorder');
    expect(decodeSyncMessage(answer!).type).toBe(SyncMessageType.SyncStep2);
    expect([...coverage(decodeSyncMessage(answer!).payload).keys()]).toEqual([b.clientID]);
    const time = Date.now() + 60_000;
    expect(service.push({ sessionId: first.sessionId, messages: [{ data: b64(answer!), time, author: 'guest' }], events: [] })).toEqual({ lastSeq: 7, sync: [] });
    service.flush(undefined);
    expect(await service.filesAt({ sessionId: first.sessionId, at: 'end' })).toMatchObject({
      seq: 7,
      time,
      files: { 'main.py': 'print(1)\nx = 2', 'b.py': 'from b' },
    });
    expect((await service.timeline({ sessionId: first.sessionId })).tracks.map((t) => [t.author, t.updates])).toEqual([
      ['you', 6],
      ['guest', 1],
    ]);

    // After a restart the log restores an empty window whole.
    service.dispose();
    service = createHistoryService({
      storage,
      workspace,
      retention: new HistoryRetentionStore(db, path.join(tmp, 'data')),
      exportDir: path.join(tmp, 'exports'),
      onStored: () => {},
    });
    const fresh = new Y.Doc();
    const restored = begin(fresh);
    expect(restored).toMatchObject({ sessionId: first.sessionId, resumed: true, durableSeq: 7 });
    readSyncMessage(fresh, unb64(restored.sync[0]!), 'recorder');
    expect(fileText(fresh, 'main.py')).toBe('print(1)\nx = 2');
    expect(fileText(fresh, 'b.py')).toBe('from b');
  });

  it('asks once for a resync when pushed updates depend on ones it never got, and records them when they come', async () => {
    const live = begin(new Y.Doc());
    const doc = new Y.Doc();
    const messages: Pushed[] = [];
    doc.on('update', (u: Uint8Array) => messages.push({ data: b64(updateMessage(u)), time: Date.now(), author: 'you' }));
    const text = new Y.Text();
    doc.getMap<Y.Text>('files').set('a.txt', text);
    messages.splice(0); // this push is lost
    text.insert(0, 'x');
    const held = service.push({ sessionId: live.sessionId, messages: messages.splice(0), events: [] }) as { lastSeq: number; sync: string[] };
    // Nothing could be stored; the recorder says what it has (its SyncStep1), once.
    expect(held.lastSeq).toBe(0);
    expect(typesOf(held.sync)).toEqual([SyncMessageType.SyncStep1]);
    text.insert(1, 'y');
    expect(service.push({ sessionId: live.sessionId, messages: messages.splice(0), events: [] })).toEqual({ lastSeq: 0, sync: [] });

    const answer = readSyncMessage(doc, unb64(held.sync[0]!), 'recorder')!;
    expect(service.push({ sessionId: live.sessionId, messages: [{ data: b64(answer), time: Date.now(), author: 'you' }], events: [] })).toMatchObject({ sync: [] });
    expect((await service.filesAt({ sessionId: live.sessionId, at: 'end' })).files).toEqual({ 'a.txt': 'xy' });

    // A new gap later is asked about again.
    messages.splice(0);
    text.insert(2, 'z');
    messages.splice(0);
    text.insert(3, '!');
    expect(typesOf((service.push({ sessionId: live.sessionId, messages: messages.splice(0), events: [] }) as { sync: string[] }).sync)).toEqual([
      SyncMessageType.SyncStep1,
    ]);
  });

  it('refuses what is not a sync message with the reason, keeping the messages before it', async () => {
    const wrongStart = new Y.Doc();
    expect(() => service.begin({ syncStep1: b64(updateMessage(Y.encodeStateAsUpdate(wrongStart))) })).toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidArgument, message: expect.stringMatching(/SyncStep1/) }),
    );
    expect(() => service.begin({ syncStep1: b64(new Uint8Array([0, 9, 1])) })).toThrow(expect.objectContaining({ code: ErrorCode.InvalidArgument }));
    const live = begin(new Y.Doc());
    const doc = new Y.Doc();
    const good = b64(updateMessage(Y.encodeStateAsUpdate(doc)));
    doc.getMap<Y.Text>('files').set('kept.txt', new Y.Text('kept'));
    const kept = b64(updateMessage(Y.encodeStateAsUpdate(doc)));
    for (const [bad, reason] of [
      [new Uint8Array([7, 2, 0, 0]), /message type 7/],
      [new Uint8Array([2, 9, 0, 0]), /message 1 of the push/i],
      [Buffer.concat([unb64(good), new Uint8Array([5])]), /after the message/],
      [updateMessage(new TextEncoder().encode('not a yjs update at all')), /message 1 of the push/i],
    ] as const) {
      expect(() => service.push({ sessionId: live.sessionId, messages: [{ data: kept, time: 1 }, { data: b64(bad), time: 1 }], events: [] })).toThrow(
        expect.objectContaining({ code: ErrorCode.InvalidArgument, message: expect.stringMatching(reason) }),
      );
    }
    expect((await service.filesAt({ sessionId: live.sessionId, at: 'end' })).files).toEqual({ 'kept.txt': 'kept' });
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
