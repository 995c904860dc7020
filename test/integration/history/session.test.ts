// A live room as the recorder sees it: two peers editing several files, events of every kind,
// then what replay offers the UI: time seeks, diffs, timeline, snapshots and restore, fork,
// asciicast, retention, and typed errors for bad input.
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryError, HistoryStore } from '../../../main/history';
import { tempDir } from './helpers';
import { historyContract } from '../../../common/contract-history';
import { MAX_CHAT_CHARS } from '../../../common/chat';

const T0 = Date.UTC(2026, 0, 1, 10, 0, 0);

describe('a recorded room session', () => {
  const tmp = tempDir();
  const dbFile = path.join(tmp.dir, 'history.sqlite');
  let sessionId = '';
  let seqAfterMain = 0;
  let seqAfterUtil = 0;

  beforeAll(() => {
    const store = HistoryStore.open(dbFile);
    const recorder = store.startSession({ workspaceId: 'room-1', kind: 'room', title: 'pairing', startedAt: T0 });
    // Alice's doc is the recorded one; Bob's edits reach it as remote updates, as over y-webrtc.
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    let now = T0;
    recorder.attach(alice, { timeOf: () => now });
    alice.on('update', (u: Uint8Array, origin: unknown) => origin !== 'net' && Y.applyUpdate(bob, u, 'net'));
    bob.on('update', (u: Uint8Array, origin: unknown) => origin !== 'net' && Y.applyUpdate(alice, u, 'net'));
    const files = alice.getMap<Y.Text>('files');

    files.set('main.py', new Y.Text('print("hi")\n'));
    now += 1000;
    files.get('main.py')!.insert(0, '# alice\n');
    seqAfterMain = recorder.lastSeq;
    now += 1000;
    recorder.recordEvent({ kind: 'paste', author: 'bob', file: 'util.py', length: 11 }, now);
    bob.getMap<Y.Text>('files').set('util.py', new Y.Text('def f(): 1\n'));
    seqAfterUtil = recorder.lastSeq;
    now += 60_000; // a long pause: an idle gap on the timeline
    recorder.recordEvent({ kind: 'run-start', author: 'alice', runId: 'r1', entry: 'main.py' }, now);
    recorder.recordEvent({ kind: 'run-end', author: 'alice', runId: 'r1', verdict: 'ok', exitCode: 0, wallMs: 120 }, now + 200);
    recorder.recordEvent('chat', { author: 'bob', messageId: 'c1', text: 'nice' }, now + 300);
    recorder.recordEvent({ kind: 'focus', author: 'bob', state: 'lost' }, now + 400);
    // The session clock never goes back (seeks by time rely on it), so these come in time order.
    recorder.recordEvent({ kind: 'terminal-open', terminalId: 'sh', width: 100, height: 30, title: 'bash' }, now + 500);
    recorder.recordEvent({ kind: 'terminal-data', terminalId: 'sh', stream: 'o', data: '$ ' }, now + 510);
    recorder.recordEvent({ kind: 'terminal-resize', terminalId: 'sh', width: 120, height: 40 }, now + 2000);
    recorder.recordEvent({ kind: 'terminal-data', terminalId: 'sh', stream: 'o', data: 'ok\r\n' }, now + 2500);
    // 50 cursor moves within 250 ms: throttled, but the last position is kept.
    for (let i = 0; i < 50; i++) {
      recorder.recordEvent({ kind: 'awareness', author: 'alice', file: 'main.py', cursor: { line: 0, column: i } }, now + 3000 + i * 5);
    }
    now += 5000;
    files.get('main.py')!.delete(0, '# alice\n'.length);
    recorder.close();
    store.close();
  });
  afterAll(() => tmp.cleanup());

  function withReplay<T>(fn: (store: HistoryStore, replay: ReturnType<HistoryStore['openReplay']>) => T): T {
    const store = HistoryStore.open(dbFile);
    try {
      return fn(store, store.openReplay(sessionIdOrFirst(store)));
    } finally {
      store.close();
    }
  }
  function sessionIdOrFirst(store: HistoryStore): string {
    return (sessionId ||= store.listSessions({ workspaceId: 'room-1' })[0]!.id);
  }

  it('lists the session with its metadata', () => {
    withReplay((store) => {
      const [info] = store.listSessions({ workspaceId: 'room-1' });
      expect(info).toMatchObject({ kind: 'room', title: 'pairing', createdAt: T0, lastSeq: 4 });
      expect(info!.endedAt).not.toBeNull();
      expect(store.listSessions({ workspaceId: 'nope' })).toEqual([]);
    });
  });

  it('seeks by seq and by time', () => {
    withReplay((_store, replay) => {
      expect(replay.filesAt({ seq: seqAfterMain }).files).toEqual({ 'main.py': '# alice\nprint("hi")\n' });
      expect(replay.filesAt({ seq: seqAfterUtil }).files).toEqual({ 'main.py': '# alice\nprint("hi")\n', 'util.py': 'def f(): 1\n' });
      expect(replay.filesAt({ time: T0 + 500 })).toMatchObject({ seq: 1, time: T0, files: { 'main.py': 'print("hi")\n' } });
      expect(replay.filesAt({ time: T0 - 1 })).toMatchObject({ seq: 0, files: {} });
      expect(replay.filesAt('end').files['main.py']).toBe('print("hi")\n');
    });
  });

  it('attributes each update to its author and file', () => {
    withReplay((_store, replay) => {
      const updates = replay.log.updates(0, replay.lastSeq);
      expect(updates.map((u) => u.file)).toEqual(['main.py', 'main.py', 'util.py', 'main.py']);
      const authors = updates.map((u) => u.author);
      expect(authors[2]).not.toBe(authors[0]);
      expect(updates[2]!.origin).toBe('net');
    });
  });

  it('names the file each edit changed, so the player can show it (issue 11)', () => {
    withReplay((_store, replay) => {
      expect(replay.filesAt({ seq: seqAfterMain }).changed).toBe('main.py');
      expect(replay.filesAt({ seq: seqAfterUtil }).changed).toBe('util.py');
      expect(replay.filesAt({ seq: 0 }).changed).toBeNull();
    });
  });

  it('diffs two moments per file', () => {
    withReplay((_store, replay) => {
      const diffs = replay.diff({ seq: 1 }, { seq: seqAfterUtil });
      expect(diffs.map((d) => [d.path, d.status, d.inserted, d.deleted])).toEqual([
        ['main.py', 'modified', 8, 0],
        ['util.py', 'added', 11, 0],
      ]);
      expect(replay.diff({ seq: 2 }, { seq: 2 })).toEqual([]);
    });
  });

  it('builds a timeline with a track per participant, markers and idle gaps', () => {
    withReplay((_store, replay) => {
      const timeline = replay.timeline();
      expect(timeline.tracks).toHaveLength(2);
      expect(timeline.tracks.reduce((n, t) => n + t.updates, 0)).toBe(4);
      expect(timeline.markers.map((m) => m.kind)).toEqual(['paste', 'run', 'run', 'chat', 'focus-lost']);
      expect(timeline.markers[2]!.label).toBe('Run main.py — ok (0.12 s)');
      expect(timeline.idle).toHaveLength(1);
      expect(timeline.idle[0]!.toTime - timeline.idle[0]!.fromTime).toBeGreaterThanOrEqual(60_000);
    });
  });

  it('throttles awareness but keeps the last position', () => {
    withReplay((_store, replay) => {
      const moves = replay.events({ kinds: ['awareness'] });
      expect(moves.length).toBeGreaterThan(1);
      expect(moves.length).toBeLessThan(5);
      const last = moves[moves.length - 1]!.event;
      expect(last.kind === 'awareness' && last.cursor).toEqual({ line: 0, column: 49 });
    });
  });

  it('exports a terminal as asciicast v2', () => {
    withReplay((_store, replay) => {
      const lines = replay.asciicast('sh').trimEnd().split('\n').map((l) => JSON.parse(l));
      expect(lines[0]).toMatchObject({ version: 2, width: 100, height: 30, title: 'bash' });
      expect(lines.slice(1)).toEqual([
        [0.01, 'o', '$ '],
        [1.5, 'r', '120x40'],
        [2, 'o', 'ok\r\n'],
      ]);
      expect(() => replay.asciicast('nope')).toThrow(HistoryError);
    });
  });

  it('names snapshots and restores one into a live doc as ordinary, recorded edits', () => {
    withReplay((store, replay) => {
      replay.createSnapshot('before-delete', { seq: seqAfterUtil });
      expect(replay.snapshots().map((s) => s.name)).toEqual(['before-delete']);
      expect(replay.filesAt({ snapshot: 'before-delete' }).seq).toBe(seqAfterUtil);

      const live = replay.docAt('end');
      const recorder = store.resumeSession(replay.session.id);
      recorder.attach(live);
      live.getMap<Y.Text>('files').set('scratch.txt', new Y.Text('temp'));
      const changed = replay.restoreInto(live, { snapshot: 'before-delete' });
      expect(changed).toEqual(['main.py', 'scratch.txt']);
      recorder.close();
      const after = store.openReplay(replay.session.id);
      expect(after.filesAt('end').files).toEqual(after.filesAt({ snapshot: 'before-delete' }).files);
      expect(after.lastSeq).toBe(6);
      expect(() => after.resolve({ snapshot: 'missing' })).toThrow(/no snapshot/);
    });
  });

  it('forks at a moment into a new session that records independently', () => {
    withReplay((store, replay) => {
      const fork = store.forkSession(replay.session.id, { seq: seqAfterMain }, { title: 'try another way' });
      expect(fork).toMatchObject({ kind: 'fork', parentId: replay.session.id, parentSeq: seqAfterMain, lastSeq: 1 });
      const forked = store.openReplay(fork.id);
      expect(forked.filesAt('end').files).toEqual(replay.filesAt({ seq: seqAfterMain }).files);
      const doc = forked.docAt('end');
      const recorder = store.resumeSession(fork.id);
      recorder.attach(doc);
      doc.getMap<Y.Text>('files').get('main.py')!.insert(0, 'X');
      recorder.close();
      expect(store.openReplay(fork.id).filesAt('end').files['main.py']).toBe('X# alice\nprint("hi")\n');
      expect(store.openReplay(replay.session.id).filesAt({ seq: seqAfterMain }).files['main.py']).toBe('# alice\nprint("hi")\n');
    });
  });

  it('rejects bad input with typed errors', () => {
    withReplay((store, replay) => {
      const code = (fn: () => unknown) => {
        try {
          fn();
        } catch (e) {
          return e instanceof HistoryError ? e.code : 'not-a-history-error';
        }
        return 'no-error';
      };
      expect(code(() => replay.resolve({ seq: 10_000 }))).toBe('invalid-input');
      expect(code(() => replay.resolve({ seq: -1 }))).toBe('invalid-input');
      expect(code(() => replay.resolve('yesterday'))).toBe('invalid-input');
      expect(code(() => store.openReplay('not-an-id!'))).toBe('invalid-input');
      expect(code(() => store.openReplay('00000000-0000-0000-0000-000000000000'))).toBe('not-found');
      expect(code(() => store.startSession({ workspaceId: '', kind: 'solo' }))).toBe('invalid-input');
      const recorder = store.startSession({ workspaceId: 'w', kind: 'solo' });
      expect(code(() => recorder.recordUpdate(new Uint8Array(0)))).toBe('invalid-input');
      expect(code(() => recorder.recordUpdate(new Uint8Array([0, 0]), { file: '/etc/passwd' }))).toBe('invalid-input');
      expect(code(() => recorder.recordUpdate(new Uint8Array([0, 0]), { file: 'a/../../b' }))).toBe('invalid-input');
      // Events are validated once, at the boundary: the contract's push schema refuses these.
      const push = (event: unknown) => historyContract.push.input.safeParse({ sessionId: recorder.sessionId, messages: [], events: [event] }).success;
      expect(push({ kind: 'chat', author: 'x' })).toBe(false);
      expect(push({ kind: 'shell', cmd: 'rm -rf /' })).toBe(false);
      expect(push({ kind: 'chat', author: 'x', messageId: 'm1', text: 'x'.repeat(MAX_CHAT_CHARS + 1) })).toBe(false);
      expect(push({ kind: 'chat', author: 'x', messageId: 'm1', text: 'hello' })).toBe(true);
      expect(code(() => store.resumeSession(recorder.sessionId))).toBe('conflict');
      recorder.close();
      expect(code(() => recorder.recordUpdate(new Uint8Array([0, 0])))).toBe('closed');
      expect(code(() => store.pruneOlderThan(-1))).toBe('invalid-input');
    });
  });

  it('takes keyframes from the live doc while recording, and seeks use them', () => {
    const store = HistoryStore.open(path.join(tmp.dir, 'keyframes.sqlite'));
    try {
      const recorder = store.startSession({ workspaceId: 'w', kind: 'solo' }, { keyframeEvery: 5 });
      const doc = new Y.Doc();
      recorder.attach(doc);
      const text = new Y.Text();
      doc.getMap('files').set('k.txt', text);
      for (let i = 0; i < 6; i++) text.insert(i, String(i));
      recorder.flush();
      const keyframes = () => store.storage.db.prepare('SELECT seq FROM keyframes').pluck().all() as number[];
      expect(keyframes()).toEqual([7]);
      text.insert(0, 'x');
      recorder.flush();
      expect(keyframes()).toEqual([7]); // 1 update since: not due yet
      // The keyframe alone must rebuild seq 7: delete the updates it covers and seek.
      store.storage.db.prepare('DELETE FROM update_chunks WHERE last_seq <= 7').run();
      expect(store.openReplay(recorder.sessionId).filesAt({ seq: 7 }).files).toEqual({ 'k.txt': '012345' });
      recorder.close();
    } finally {
      store.close();
    }
  });

  it('retention deletes only sessions idle for longer than the limit', () => {
    const store = HistoryStore.open(path.join(tmp.dir, 'retention.sqlite'));
    try {
      const old = store.startSession({ workspaceId: 'w', kind: 'solo' });
      old.recordUpdate(Y.encodeStateAsUpdate(new Y.Doc()));
      old.close();
      const active = store.startSession({ workspaceId: 'w', kind: 'solo' });
      const now = Date.now();
      // Nothing is older than 1 day now; 10 days later, everything not being recorded is.
      expect(store.pruneOlderThan(1, now)).toEqual([]);
      expect(store.pruneOlderThan(1, now + 10 * 86_400_000)).toEqual([old.sessionId]);
      expect(store.listSessions().map((s) => s.id)).toEqual([active.sessionId]);
      active.close();
    } finally {
      store.close();
    }
  });
});
