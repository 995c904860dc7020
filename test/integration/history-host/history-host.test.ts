import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contract, type Contract } from '../../../common/contract';
import type { HistoryLive } from '../../../common/contract-history';
import { ErrorCode, HostError } from '../../../common/errors';
import { readSyncMessage, syncStep1Message, updateMessage } from '../../../common/history-sync';
import { createClient, type ClientOf } from '../../../common/rpc';
import { createInMemoryTransport } from '../../../main/host/memory-transport';
import { createHostServices, type HostServices } from '../../../main/host/services';
import { HistoryStore } from '../../../main/history';

// The history service through the contract, with the real host services behind it: a real
// SQLite file in the data dir, real ptys, real folders.

let dir: string;
let dataDir: string;
let project: string;
let services: HostServices;
let api: ClientOf<Contract>;

function start(): void {
  services = createHostServices({ dataDir, host: 'web', sandboxWarm: [] });
  api = createClient(contract, createInMemoryTransport(services.dispatcher, services.hub));
}

async function failure(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the call should have failed').toBeInstanceOf(HostError);
  return error as HostError;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const RECORDER = 'recorder';

/**
 * A renderer-like doc: its updates are collected as Update messages for a push, and it syncs with
 * the recorder as the recording client does (SyncStep1 on begin, answers to the recorder's).
 */
function editorDoc() {
  const doc = new Y.Doc();
  const files = doc.getMap<Y.Text>('files');
  const pending: Array<{ data: string; time: number; author: string }> = [];
  const answer = (sync: string[]) => {
    for (const message of sync) {
      const reply = readSyncMessage(doc, new Uint8Array(Buffer.from(message, 'base64')), RECORDER);
      if (reply) pending.unshift({ data: b64(reply), time: Date.now(), author: 'you' });
    }
  };
  doc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== RECORDER) pending.push({ data: b64(updateMessage(u)), time: Date.now(), author: 'you' });
  });
  return {
    doc,
    files,
    take: () => pending.splice(0),
    async begin(arg: { roomId?: string; title?: string } = {}): Promise<HistoryLive> {
      const live = await api.history.begin({ ...arg, syncStep1: b64(syncStep1Message(doc)) });
      answer(live.sync);
      return live;
    },
    answer,
  };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-history-host-'));
  dataDir = path.join(dir, 'data');
  project = path.join(dir, 'project');
  mkdirSync(project, { recursive: true });
  writeFileSync(path.join(project, 'main.py'), 'print(1)\n');
  start();
});

afterEach(async () => {
  await services.dispose();
  rmSync(dir, { recursive: true, force: true });
});

// Every host start begins a history worker thread, which loads its TypeScript through tsx when
// run from source: seconds on a loaded machine, so these tests get more time than the default.
describe('history through the contract', { timeout: 120_000 }, () => {
  it('records pushed edits, says what is stored, and restores them after a restart', async () => {
    await api.workspace.open({ path: project });
    const ed = editorDoc();
    const live = await ed.begin();
    expect(live.resumed).toBe(false);
    const stored: number[] = [];
    const stop = api.history.onDidStore((e) => e.sessionId === live.sessionId && stored.push(e.durableSeq));

    const text = new Y.Text();
    ed.doc.transact(() => {
      ed.files.set('main.py', text);
      text.insert(0, 'print(1)\n');
    });
    for (const ch of 'x = 2') text.insert(text.length, ch);
    // With the empty doc's answer to the recorder's SyncStep1 in front, which records nothing.
    const { lastSeq } = await api.history.push({ sessionId: live.sessionId, messages: ed.take(), events: [] });
    expect(lastSeq).toBe(6);
    await expect.poll(() => stored.at(-1)).toBe(6);
    stop();

    await api.history.push({
      sessionId: live.sessionId,
      messages: [],
      events: [
        { kind: 'paste', author: 'you', file: 'main.py', length: 5 },
        { kind: 'focus', author: 'you', state: 'lost' },
      ],
    });
    await api.history.flush();
    const timeline = await api.history.timeline({ sessionId: live.sessionId });
    expect(timeline.tracks.map((t) => t.author)).toEqual(['you']);
    expect(timeline.markers.map((m) => m.kind).sort()).toEqual(['focus-lost', 'paste']);
    expect((await api.history.filesAt({ sessionId: live.sessionId, at: { seq: 1 } })).files).toEqual({ 'main.py': 'print(1)\n' });
    expect((await api.history.filesAt({ sessionId: live.sessionId, at: 'end' })).files).toEqual({ 'main.py': 'print(1)\nx = 2' });
    const diff = await api.history.diff({ sessionId: live.sessionId, from: { seq: 1 }, to: 'end' });
    expect(diff).toMatchObject([{ path: 'main.py', status: 'modified', inserted: 5, deleted: 0 }]);

    // The host stops (as after a crash, nothing was saved to disk) and comes back: the folder's
    // session continues and its SyncStep2 gives a new window's empty doc the unsaved edits.
    await services.dispose();
    start();
    await api.workspace.open({ path: project });
    const restored = editorDoc();
    const again = await restored.begin();
    expect(again.sessionId).toBe(live.sessionId);
    expect(again.resumed).toBe(true);
    expect(restored.files.get('main.py')!.toString()).toBe('print(1)\nx = 2');
    expect(again.durableSeq).toBe(6);
  });

  it('records terminal output as asciicast v2', async () => {
    await api.workspace.open({ path: project });
    const { sessionId } = await editorDoc().begin();
    const term = await api.terminal.create({ cols: 80, rows: 24 });
    let seen = '';
    const stop = api.terminal.onDidData(({ id, data }) => id === term.id && (seen += data));
    await api.terminal.write({ id: term.id, data: 'echo history-$((40+2))\n' });
    await expect.poll(() => seen, { timeout: 30_000 }).toContain('history-42');
    stop();
    await api.terminal.kill({ id: term.id });
    const cast = await api.history.asciicast({ sessionId, terminalId: term.id });
    const [header, ...lines] = cast.trim().split('\n');
    expect(JSON.parse(header!)).toMatchObject({ version: 2, width: 80, height: 24 });
    const output = lines.map((l) => JSON.parse(l) as [number, string, string]).filter((e) => e[1] === 'o').map((e) => e[2]).join('');
    expect(output).toContain('history-42');
  });

  it('rejects bad pushes, a finished recording, and broken session files without touching anything', async () => {
    await api.workspace.open({ path: project });
    const ed = editorDoc();
    const { sessionId } = await ed.begin();
    ed.files.set('a.txt', new Y.Text('hello'));
    await api.history.push({ sessionId, messages: ed.take(), events: [] });

    const notYjs = await failure(
      api.history.push({ sessionId, messages: [{ data: b64(updateMessage(Buffer.from('not a yjs update at all'))), time: 1 }], events: [] }),
    );
    expect(notYjs.code).toBe(ErrorCode.InvalidArgument);
    expect(notYjs.message).toMatch(/^Message 0 of the push/);
    const notSync = await failure(api.history.push({ sessionId, messages: [{ data: b64(new Uint8Array([7, 2, 0, 0])), time: 1 }], events: [] }));
    expect(notSync.message).toMatch(/not a y-protocols sync message.*message type 7/);
    expect((await failure(api.history.push({ sessionId, messages: [{ data: '!!!!', time: 1 }], events: [] }))).message).toMatch(/base64/);
    expect(
      (await failure(api.history.push({ sessionId, messages: [], events: [{ kind: 'paste', author: 'you', file: '../x', length: 1 }] }))).code,
    ).toBe(ErrorCode.InvalidArgument);
    // begin must carry a SyncStep1: without one the request is refused before anything starts.
    expect((await failure(api.history.begin({} as never))).message).toMatch(/syncStep1/);

    const exported = await api.history.exportSession({ sessionId });
    expect(readFileSync(exported.path).length).toBe(exported.bytes);
    const before = await api.history.listSessions({ allWorkspaces: true });
    const bytes = Buffer.from(exported.data, 'base64');

    const truncated = await failure(api.history.importSession({ name: 'cut.ccsession', data: bytes.subarray(0, bytes.length - 7).toString('base64') }));
    expect(truncated.code).toBe(ErrorCode.InvalidArgument);
    expect(truncated.message).toMatch(/Cannot import "cut.ccsession" \(nothing was imported\).*truncated/i);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 3]! ^= 0xff;
    const corrupt = await failure(api.history.importSession({ name: 'bad.ccsession', data: flipped.toString('base64') }));
    expect(corrupt.message).toMatch(/nothing was imported/);
    expect(corrupt.message).toMatch(/corrupt|checksum/i);
    const garbage = await failure(api.history.importSession({ name: 'junk.ccsession', data: Buffer.from('hello').toString('base64') }));
    expect(garbage.code).toBe(ErrorCode.InvalidArgument);
    expect(await api.history.listSessions({ allWorkspaces: true })).toEqual(before);

    const imported = await api.history.importSession({ name: 'ok.ccsession', data: exported.data });
    expect(imported.id).not.toBe(sessionId);
    expect((await api.history.filesAt({ sessionId: imported.id, at: 'end' })).files).toEqual({ 'a.txt': 'hello' });
    expect(exported.sha256).toMatch(/^[0-9a-f]{64}$/);

    // An update whose predecessor never arrived is held, not stored, and the recorder sends its
    // SyncStep1; the window's answer (a SyncStep2) fills the gap.
    const gap = editorDoc();
    const t = new Y.Text();
    gap.files.set('b.txt', t);
    gap.take();
    t.insert(0, 'x');
    const held = await api.history.push({ sessionId, messages: gap.take(), events: [] });
    expect(held.sync).toHaveLength(1);
    gap.answer(held.sync);
    const healed = await api.history.push({ sessionId, messages: gap.take(), events: [] });
    expect(healed.sync).toEqual([]);
    expect((await api.history.filesAt({ sessionId, at: 'end' })).files).toEqual({ 'a.txt': 'hello', 'b.txt': 'x' });

    // Another folder ends the recording: a late push of the old one is refused.
    const other = path.join(dir, 'other');
    mkdirSync(other);
    await api.workspace.open({ path: other });
    expect((await failure(api.history.push({ sessionId, messages: [], events: [] }))).code).toBe(ErrorCode.Unavailable);
    const next = await editorDoc().begin();
    expect(next.sessionId).not.toBe(sessionId);
  });

  it('keeps named snapshots and forks a moment into a new folder with its own history', async () => {
    await api.workspace.open({ path: project });
    const ed = editorDoc();
    const { sessionId } = await ed.begin();
    const text = new Y.Text('v1');
    ed.files.set('notes/a.md', text);
    await api.history.push({ sessionId, messages: ed.take(), events: [] });
    await api.history.createSnapshot({ sessionId, name: 'first draft', at: 'end' });
    text.insert(2, ' then v2');
    await api.history.push({ sessionId, messages: ed.take(), events: [] });
    expect((await api.history.listSnapshots({ sessionId })).map((s) => [s.name, s.seq])).toEqual([['first draft', 1]]);
    expect((await api.history.filesAt({ sessionId, at: { snapshot: 'first draft' } })).files).toEqual({ 'notes/a.md': 'v1' });

    const target = path.join(dir, 'forked');
    const fork = await api.history.fork({ sessionId, at: { snapshot: 'first draft' }, folder: target });
    expect(fork.files).toBe(1);
    expect(readFileSync(path.join(target, 'notes', 'a.md'), 'utf8')).toBe('v1');
    const notEmpty = await failure(api.history.fork({ sessionId, at: 'end', folder: target }));
    expect(notEmpty.code).toBe(ErrorCode.AlreadyExists);

    await api.workspace.open({ path: target });
    const restored = editorDoc();
    const forkLive = await restored.begin();
    expect(forkLive.sessionId).toBe(fork.sessionId);
    expect(restored.files.get('notes/a.md')!.toString()).toBe('v1');
    const [info] = await api.history.listSessions();
    expect(info).toMatchObject({ id: fork.sessionId, kind: 'fork', parentId: sessionId });
  });

  it('records a room guest with no folder under the room, and reopens it offline', async () => {
    expect((await failure(editorDoc().begin())).code).toBe(ErrorCode.NoWorkspace);
    const ed = editorDoc();
    const live = await ed.begin({ roomId: 'Yn3kX5_nKmtq', title: 'Room Yn3kX5' });
    ed.files.set('shared.py', new Y.Text('print("from the room")'));
    await api.history.push({
      sessionId: live.sessionId,
      messages: ed.take(),
      events: [{ kind: 'chat', author: 'client:7', messageId: 'm1', text: 'hello' }],
    });
    await api.history.flush();
    const [info] = await api.history.listSessions();
    expect(info).toMatchObject({ id: live.sessionId, kind: 'room', workspaceId: 'room:Yn3kX5_nKmtq', title: 'Room Yn3kX5' });
    expect((await api.history.timeline({ sessionId: live.sessionId })).markers).toMatchObject([{ kind: 'chat', label: 'Chat: hello' }]);

    // Opening a folder ends the room's recording; rejoining offline later continues it.
    await api.workspace.open({ path: project });
    expect((await failure(api.history.push({ sessionId: live.sessionId, messages: [], events: [] }))).code).toBe(ErrorCode.Unavailable);
    await api.workspace.close();
    await services.dispose();
    start();
    const restored = editorDoc();
    const again = await restored.begin({ roomId: 'Yn3kX5_nKmtq' });
    expect(again).toMatchObject({ sessionId: live.sessionId, resumed: true });
    expect(restored.files.get('shared.py')!.toString()).toBe('print("from the room")');
    expect((await failure(editorDoc().begin({ roomId: '../etc' }))).code).toBe(ErrorCode.InvalidArgument);
  });

  it('stores the latest cursor of a burst even when nothing follows it', async () => {
    await api.workspace.open({ path: project });
    const { sessionId } = await editorDoc().begin();
    const at = (column: number) => ({ kind: 'awareness' as const, author: 'you', file: 'main.py', cursor: { line: 1, column } });
    await api.history.push({ sessionId, messages: [], events: [at(1), at(2), at(3)] });
    await expect
      .poll(async () => (await api.history.events({ sessionId, kinds: ['awareness'] })).map((e) => (e.event.kind === 'awareness' ? e.event.cursor?.column : null)), {
        timeout: 5_000,
      })
      .toEqual([1, 3]);
  });

  it('keeps a retention setting across restarts, and prunes what is older', async () => {
    // An old session, written before this host started, with its last activity 40 days ago.
    await services.dispose();
    const old = HistoryStore.open(path.join(dataDir, 'history.sqlite'));
    const rec = old.startSession({ workspaceId: 'folder:/elsewhere', kind: 'solo' });
    rec.recordUpdate(Y.encodeStateAsUpdate(new Y.Doc()));
    rec.close();
    old.storage.db.prepare('UPDATE sessions SET updated_at = ?').run(Date.now() - 40 * 86_400_000);
    old.close();
    start();
    expect(await api.history.listSessions({ allWorkspaces: true })).toHaveLength(1);
    expect(await api.history.getRetention()).toEqual({ days: null });
    expect(await api.history.setRetention({ days: 60 })).toEqual({ days: 60, pruned: 0 });
    expect(await api.history.setRetention({ days: 30 })).toEqual({ days: 30, pruned: 1 });
    expect(await api.history.listSessions({ allWorkspaces: true })).toEqual([]);
    expect((await failure(api.history.setRetention({ days: 0 }))).code).toBe(ErrorCode.InvalidArgument);
    await services.dispose();
    start();
    expect(await api.history.getRetention()).toEqual({ days: 30 });
  });
});
