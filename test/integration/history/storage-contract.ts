// The contract every HistoryStorage keeps (issue 12), as one suite of cases that storage.test.ts
// runs against each implementation: the SQLite one on a real temp file, and the in-memory one.
// The last cases run the whole HistoryStore (recorder, keyframes, replay, fork, archive) over the
// storage, so "the same behaviour" is checked where it matters, not only row by row.
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryError, HistoryStore, type HistoryStorage, type NewSessionRecord, type UpdateChunk } from '../../../main/history';
import { encodeChunk, type StoredUpdate } from '../../../main/history/chunks';
import { tempDir } from './helpers';

const T0 = Date.UTC(2026, 0, 1, 9, 0, 0);
const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const MISSING = ID(999);

function newSession(n: number, over: Partial<NewSessionRecord> = {}): NewSessionRecord {
  return {
    id: ID(n),
    workspaceId: 'folder:/w',
    kind: 'solo',
    title: `session ${n}`,
    createdAt: T0,
    updatedAt: T0,
    lastTime: T0,
    parentId: null,
    parentSeq: null,
    meta: { n },
    ...over,
  };
}

/** A real chunk (chunks.ts encoding) of updates firstSeq..lastSeq, one millisecond apart from `time`. */
function chunk(firstSeq: number, lastSeq: number, time = T0 + firstSeq): UpdateChunk {
  const updates: StoredUpdate[] = [];
  for (let seq = firstSeq; seq <= lastSeq; seq++) {
    updates.push({ seq, time: time + (seq - firstSeq), author: 'you', file: 'main.py', origin: null, data: new Uint8Array([seq % 256, 1, 2]) });
  }
  return encodeChunk(updates);
}

function expectHistoryError(fn: () => unknown, code: string): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(HistoryError);
  expect((thrown as HistoryError).code).toBe(code);
}

const seqsOf = (chunks: UpdateChunk[]) => chunks.map((c) => [c.firstSeq, c.lastSeq]);

/** `open(dir)` gives a fresh, empty storage; `dir` is a temp folder removed after each case. */
export function describeHistoryStorageContract(name: string, open: (dir: string) => HistoryStorage): void {
  describe(`HistoryStorage contract: ${name}`, () => {
    let tmp: ReturnType<typeof tempDir>;
    let storage: HistoryStorage;

    beforeEach(() => {
      tmp = tempDir('cc-history-storage-');
      storage = open(tmp.dir);
    });
    afterEach(() => {
      storage.close();
      tmp.cleanup();
    });

    it('creates a session that starts empty, refuses a taken id, and reads nothing for an unknown one', () => {
      storage.createSession(newSession(1, { title: null, meta: { language: 'python', nested: { a: [1, 2] } } }));
      expect(storage.getSession(ID(1))).toEqual({ ...newSession(1, { title: null, meta: { language: 'python', nested: { a: [1, 2] } } }), lastSeq: 0, endedAt: null });
      expectHistoryError(() => storage.createSession(newSession(1, { title: 'again' })), 'conflict');
      expect(storage.getSession(ID(1))?.title).toBeNull();
      expect(storage.getSession(MISSING)).toBeUndefined();
      expect(storage.chunks(MISSING, { afterSeq: 0, uptoSeq: 100 })).toEqual([]);
      expect(storage.chunkAtSeq(MISSING, 1)).toBeUndefined();
      expect(storage.chunkAtTime(MISSING, T0)).toBeUndefined();
      expect(storage.keyframeAtOrBefore(MISSING, 10)).toBeUndefined();
      expect(storage.keyframeSeqs(MISSING)).toEqual([]);
      expect(storage.events(MISSING)).toEqual([]);
      expect(storage.snapshots(MISSING)).toEqual([]);
      expect(storage.lastEventId(MISSING)).toBe(0);
      expect(storage.deleteSnapshot(MISSING, 'x')).toBe(false);
    });

    it('lists sessions newest first, the later created first at the same time, and by workspace', () => {
      storage.createSession(newSession(1, { createdAt: T0 }));
      storage.createSession(newSession(2, { createdAt: T0 + 10, workspaceId: 'room:r' }));
      storage.createSession(newSession(3, { createdAt: T0 }));
      expect(storage.listSessions().map((s) => s.id)).toEqual([ID(2), ID(3), ID(1)]);
      expect(storage.listSessions({ workspaceId: 'folder:/w' }).map((s) => s.id)).toEqual([ID(3), ID(1)]);
      expect(storage.listSessions({ workspaceId: 'folder:/none' })).toEqual([]);
    });

    it('updates the end and the workspace of a session, and says false for an unknown one', () => {
      storage.createSession(newSession(1));
      expect(storage.updateSession(ID(1), { endedAt: T0 + 5 })).toBe(true);
      expect(storage.getSession(ID(1))).toMatchObject({ endedAt: T0 + 5, workspaceId: 'folder:/w' });
      expect(storage.updateSession(ID(1), { workspaceId: 'folder:/fork' })).toBe(true);
      expect(storage.getSession(ID(1))).toMatchObject({ endedAt: T0 + 5, workspaceId: 'folder:/fork' });
      expect(storage.updateSession(ID(1), { endedAt: null })).toBe(true);
      expect(storage.getSession(ID(1))?.endedAt).toBeNull();
      expect(storage.updateSession(MISSING, { endedAt: T0 })).toBe(false);
    });

    it('appends a batch of chunks, events and a keyframe with the progress, and reads them back byte for byte', () => {
      storage.createSession(newSession(1));
      const c1 = chunk(1, 3);
      const keyframe = { seq: 3, time: T0 + 5, data: new Uint8Array([7, 7, 7]) };
      storage.append(ID(1), {
        chunks: [c1],
        events: [
          { id: 1, seq: 1, time: T0 + 1, kind: 'paste', payload: '{"author":"you","length":3}' },
          { id: 2, seq: 3, time: T0 + 4, kind: 'chat', payload: '{"author":"you","messageId":"m","text":"hi"}' },
        ],
        keyframe,
        lastSeq: 3,
        lastTime: T0 + 5,
        updatedAt: T0 + 100,
      });
      expect(storage.getSession(ID(1))).toMatchObject({ lastSeq: 3, lastTime: T0 + 5, updatedAt: T0 + 100 });
      const [read] = storage.chunks(ID(1), { afterSeq: 0, uptoSeq: 3 });
      expect({ ...read!, body: Array.from(read!.body) }).toEqual({ ...c1, body: Array.from(c1.body) });
      expect(storage.lastEventId(ID(1))).toBe(2);
      expect(storage.events(ID(1)).map((e) => [e.id, e.kind])).toEqual([
        [1, 'paste'],
        [2, 'chat'],
      ]);
      expect(storage.keyframeSeqs(ID(1))).toEqual([3]);
      expect(Array.from(storage.keyframeAtOrBefore(ID(1), 10)!.data)).toEqual([7, 7, 7]);
    });

    it('keeps what it stored when the caller changes its arrays afterwards', () => {
      storage.createSession(newSession(1));
      const c = chunk(1, 2);
      const stored = Array.from(c.body);
      const keyframe = { seq: 2, time: T0, data: new Uint8Array([1, 2, 3]) };
      storage.append(ID(1), { chunks: [c], events: [], keyframe, lastSeq: 2, lastTime: T0 + 2, updatedAt: T0 });
      c.body.fill(0);
      keyframe.data.fill(0);
      storage.chunks(ID(1), { afterSeq: 0, uptoSeq: 2 })[0]!.body.fill(9);
      expect(Array.from(storage.chunks(ID(1), { afterSeq: 0, uptoSeq: 2 })[0]!.body)).toEqual(stored);
      expect(Array.from(storage.keyframes(ID(1))[0]!.data)).toEqual([1, 2, 3]);
    });

    it('stores a batch all together or not at all', () => {
      storage.createSession(newSession(1));
      storage.append(ID(1), {
        chunks: [chunk(1, 2)],
        events: [{ id: 1, seq: 2, time: T0 + 2, kind: 'focus', payload: '{"author":"you","state":"lost"}' }],
        lastSeq: 2,
        lastTime: T0 + 3,
        updatedAt: T0 + 3,
      });
      // Event id 1 is taken: nothing of this batch may land, not its chunk, keyframe or progress.
      expect(() =>
        storage.append(ID(1), {
          chunks: [chunk(3, 4)],
          events: [{ id: 1, seq: 4, time: T0 + 4, kind: 'focus', payload: '{"author":"you","state":"gained"}' }],
          keyframe: { seq: 4, time: T0 + 4, data: new Uint8Array([1]) },
          lastSeq: 4,
          lastTime: T0 + 5,
          updatedAt: T0 + 5,
        }),
      ).toThrow();
      // A chunk that starts where a stored one starts is refused the same way.
      expect(() => storage.append(ID(1), { chunks: [chunk(1, 1)], events: [], lastSeq: 4, lastTime: T0 + 6, updatedAt: T0 + 6 })).toThrow();
      expect(seqsOf(storage.chunks(ID(1), { afterSeq: 0, uptoSeq: 100 }))).toEqual([[1, 2]]);
      expect(storage.events(ID(1)).map((e) => e.payload)).toEqual(['{"author":"you","state":"lost"}']);
      expect(storage.keyframeSeqs(ID(1))).toEqual([]);
      expect(storage.getSession(ID(1))).toMatchObject({ lastSeq: 2, lastTime: T0 + 3, updatedAt: T0 + 3 });
      // The next good batch goes on from there.
      storage.append(ID(1), { chunks: [chunk(3, 4)], events: [], lastSeq: 4, lastTime: T0 + 7, updatedAt: T0 + 7 });
      expect(seqsOf(storage.chunks(ID(1), { afterSeq: 0, uptoSeq: 100 }))).toEqual([
        [1, 2],
        [3, 4],
      ]);
    });

    it('refuses writes to an unknown session and creates nothing', () => {
      expectHistoryError(() => storage.append(MISSING, { chunks: [chunk(1, 1)], events: [], lastSeq: 1, lastTime: T0, updatedAt: T0 }), 'not-found');
      expectHistoryError(() => storage.putKeyframes(MISSING, [{ seq: 1, time: T0, data: new Uint8Array([1]) }]), 'not-found');
      expectHistoryError(() => storage.putSnapshot(MISSING, { name: 's', seq: 0, createdAt: T0 }), 'not-found');
      expect(storage.listSessions()).toEqual([]);
      expect(storage.chunks(MISSING, { afterSeq: 0, uptoSeq: 10 })).toEqual([]);
    });

    it('finds chunks by seq range (with a page limit), by seq and by time', () => {
      storage.createSession(newSession(1));
      // Chunks 1-4, 5-8, 9-12; the last two start at the same time (a burst in one millisecond).
      storage.append(ID(1), {
        chunks: [chunk(1, 4, T0 + 10), chunk(5, 8, T0 + 20), chunk(9, 12, T0 + 20)],
        events: [],
        lastSeq: 12,
        lastTime: T0 + 23,
        updatedAt: T0,
      });
      expect(seqsOf(storage.chunks(ID(1), { afterSeq: 0, uptoSeq: 12 }))).toEqual([
        [1, 4],
        [5, 8],
        [9, 12],
      ]);
      // Any chunk holding some seq in (afterSeq, uptoSeq].
      expect(seqsOf(storage.chunks(ID(1), { afterSeq: 4, uptoSeq: 5 }))).toEqual([[5, 8]]);
      expect(seqsOf(storage.chunks(ID(1), { afterSeq: 3, uptoSeq: 9 }))).toEqual([
        [1, 4],
        [5, 8],
        [9, 12],
      ]);
      expect(seqsOf(storage.chunks(ID(1), { afterSeq: 12, uptoSeq: 20 }))).toEqual([]);
      expect(seqsOf(storage.chunks(ID(1), { afterSeq: 0, uptoSeq: 12, limit: 2 }))).toEqual([
        [1, 4],
        [5, 8],
      ]);
      expect(storage.chunkAtSeq(ID(1), 0)).toBeUndefined();
      expect(storage.chunkAtSeq(ID(1), 7)?.firstSeq).toBe(5);
      expect(storage.chunkAtSeq(ID(1), 99)?.firstSeq).toBe(9);
      expect(storage.chunkAtTime(ID(1), T0 + 9)).toBeUndefined();
      expect(storage.chunkAtTime(ID(1), T0 + 15)?.firstSeq).toBe(1);
      // Two chunks start at T0 + 20: the later one in seq.
      expect(storage.chunkAtTime(ID(1), T0 + 20)?.firstSeq).toBe(9);
    });

    it('keeps keyframes by seq, replacing one at the same seq', () => {
      storage.createSession(newSession(1));
      const kf = (seq: number, byte: number) => ({ seq, time: T0 + seq, data: new Uint8Array([byte]) });
      storage.putKeyframes(ID(1), [kf(20, 1), kf(10, 1)]);
      storage.putKeyframes(ID(1), [kf(20, 2), kf(30, 1)]);
      expect(storage.keyframeSeqs(ID(1))).toEqual([10, 20, 30]);
      expect(storage.keyframes(ID(1)).map((k) => [k.seq, k.time, k.data[0]])).toEqual([
        [10, T0 + 10, 1],
        [20, T0 + 20, 2],
        [30, T0 + 30, 1],
      ]);
      expect(storage.keyframeAtOrBefore(ID(1), 9)).toBeUndefined();
      expect(storage.keyframeAtOrBefore(ID(1), 25)?.seq).toBe(20);
      expect(storage.keyframeAtOrBefore(ID(1), 30)?.seq).toBe(30);
    });

    it('reads events in id order within a time window', () => {
      storage.createSession(newSession(1));
      const ev = (id: number, time: number) => ({ id, seq: 0, time, kind: 'focus', payload: '{"author":"you","state":"lost"}' });
      storage.append(ID(1), { chunks: [], events: [ev(1, T0 + 1), ev(2, T0 + 5)], lastSeq: 0, lastTime: T0 + 5, updatedAt: T0 });
      storage.append(ID(1), { chunks: [], events: [ev(3, T0 + 5), ev(4, T0 + 9)], lastSeq: 0, lastTime: T0 + 9, updatedAt: T0 });
      expect(storage.events(ID(1)).map((e) => e.id)).toEqual([1, 2, 3, 4]);
      expect(storage.events(ID(1), { fromTime: T0 + 5 }).map((e) => e.id)).toEqual([2, 3, 4]);
      expect(storage.events(ID(1), { fromTime: T0 + 2, toTime: T0 + 5 }).map((e) => e.id)).toEqual([2, 3]);
      expect(storage.lastEventId(ID(1))).toBe(4);
    });

    it('adds, replaces, lists and deletes named snapshots', () => {
      storage.createSession(newSession(1));
      storage.putSnapshot(ID(1), { name: 'b', seq: 5, createdAt: T0 });
      storage.putSnapshot(ID(1), { name: 'a', seq: 5, createdAt: T0 });
      storage.putSnapshot(ID(1), { name: 'z', seq: 1, createdAt: T0 });
      storage.putSnapshot(ID(1), { name: 'b', seq: 7, createdAt: T0 + 1 });
      expect(storage.snapshots(ID(1))).toEqual([
        { name: 'z', seq: 1, createdAt: T0 },
        { name: 'a', seq: 5, createdAt: T0 },
        { name: 'b', seq: 7, createdAt: T0 + 1 },
      ]);
      expect(storage.deleteSnapshot(ID(1), 'a')).toBe(true);
      expect(storage.deleteSnapshot(ID(1), 'a')).toBe(false);
      expect(storage.snapshots(ID(1)).map((s) => s.name)).toEqual(['z', 'b']);
    });

    it('finds idle sessions for retention and deletes sessions with everything they hold', () => {
      for (const [n, updatedAt] of [
        [1, T0 - 50],
        [2, T0 + 50],
        [3, T0 - 10],
      ] as const) {
        storage.createSession(newSession(n, { updatedAt }));
        storage.append(ID(n), {
          chunks: [chunk(1, 2)],
          events: [{ id: 1, seq: 1, time: T0, kind: 'focus', payload: '{"author":"you","state":"lost"}' }],
          keyframe: { seq: 2, time: T0, data: new Uint8Array([1]) },
          lastSeq: 2,
          lastTime: T0 + 2,
          updatedAt,
        });
        storage.putSnapshot(ID(n), { name: 'kept', seq: 2, createdAt: T0 });
      }
      expect(storage.sessionsUpdatedBefore(T0)).toEqual([ID(1), ID(3)]);
      expect(storage.deleteSessions([ID(1), ID(3), MISSING])).toBe(2);
      expect(storage.listSessions().map((s) => s.id)).toEqual([ID(2)]);
      for (const gone of [ID(1), ID(3)]) {
        expect(storage.chunks(gone, { afterSeq: 0, uptoSeq: 10 })).toEqual([]);
        expect(storage.events(gone)).toEqual([]);
        expect(storage.keyframeSeqs(gone)).toEqual([]);
        expect(storage.snapshots(gone)).toEqual([]);
      }
      // A new session under a deleted id starts empty: nothing of the old one is left behind.
      storage.createSession(newSession(1));
      expect(storage.chunks(ID(1), { afterSeq: 0, uptoSeq: 10 })).toEqual([]);
      expect(storage.lastEventId(ID(1))).toBe(0);
      expect(storage.chunks(ID(2), { afterSeq: 0, uptoSeq: 10 })).toHaveLength(1);
    });

    it('imports a whole session at once, and refuses a taken id without touching the one there', () => {
      const session = { ...newSession(4, { kind: 'fork', parentId: ID(1), parentSeq: 3 }), lastSeq: 4, endedAt: T0 + 9, lastTime: T0 + 8 };
      const archive = {
        session,
        chunks: [chunk(1, 2), chunk(3, 4)],
        keyframes: [{ seq: 4, time: T0 + 8, data: new Uint8Array([4]) }],
        events: [{ id: 1, seq: 2, time: T0 + 3, kind: 'focus', payload: '{"author":"you","state":"lost"}' }],
        snapshots: [{ name: 'end', seq: 4, createdAt: T0 + 9 }],
      };
      storage.importSession(archive);
      expect(storage.getSession(ID(4))).toEqual(session);
      expect(seqsOf(storage.chunks(ID(4), { afterSeq: 0, uptoSeq: 4 }))).toEqual([
        [1, 2],
        [3, 4],
      ]);
      expect(storage.keyframeSeqs(ID(4))).toEqual([4]);
      expect(storage.events(ID(4))).toHaveLength(1);
      expect(storage.snapshots(ID(4))).toEqual(archive.snapshots);
      expectHistoryError(() => storage.importSession({ ...archive, session: { ...session, title: 'other' }, chunks: [] }), 'conflict');
      expect(storage.getSession(ID(4))?.title).toBe(session.title);
      expect(storage.chunks(ID(4), { afterSeq: 0, uptoSeq: 4 })).toHaveLength(2);
    });

    it('refuses every call once closed', () => {
      storage.createSession(newSession(1));
      storage.close();
      expectHistoryError(() => storage.getSession(ID(1)), 'closed');
      expectHistoryError(() => storage.listSessions(), 'closed');
      expectHistoryError(() => storage.chunks(ID(1), { afterSeq: 0, uptoSeq: 1 }), 'closed');
      expectHistoryError(() => storage.append(ID(1), { chunks: [], events: [], lastSeq: 0, lastTime: T0, updatedAt: T0 }), 'closed');
      storage.close(); // twice is harmless (afterEach closes again)
    });

    describe('under the HistoryStore', () => {
      it('records, fills in keyframes, replays, seeks by time, forks and prunes', () => {
        const store = new HistoryStore(storage, { recorder: { keyframeEvery: 4 } });
        const recorder = store.startSession({ workspaceId: 'folder:/w', kind: 'solo', title: 'w', startedAt: T0 });
        const doc = new Y.Doc();
        let now = T0;
        recorder.attach(doc, { timeOf: () => now, authorOf: () => 'you' });
        const text = new Y.Text();
        doc.getMap<Y.Text>('files').set('main.py', text);
        for (let i = 0; i < 10; i++) {
          now += 1000;
          text.insert(text.length, String(i));
        }
        recorder.recordEvent({ kind: 'run-start', author: 'you', runId: 'r1', entry: 'main.py' }, now);
        recorder.recordEvent({ kind: 'run-end', author: 'you', runId: 'r1', verdict: 'ok', exitCode: 0, wallMs: 5 }, now + 1);
        expect(recorder.close()).toBe(11);
        const [info] = store.listSessions();
        expect(info).toMatchObject({ lastSeq: 11, endedAt: now + 1 });
        // Keyframes every 4 updates were filled in on close (the recorder only took its final one).
        expect(storage.keyframeSeqs(info!.id)).toEqual([4, 8, 11]);

        const replay = store.openReplay(info!.id);
        expect(replay.filesAt('end').files).toEqual({ 'main.py': '0123456789' });
        expect(replay.filesAt({ seq: 6 }).files).toEqual({ 'main.py': '01234' });
        expect(replay.filesAt({ time: T0 + 3500 }).files).toEqual({ 'main.py': '012' });
        replay.createSnapshot('half', { seq: 6 });
        expect(replay.filesAt({ snapshot: 'half' }).files).toEqual({ 'main.py': '01234' });
        expect(replay.timeline().markers.map((m) => m.kind)).toEqual(['snapshot', 'run', 'run']);

        const fork = store.forkSession(info!.id, { snapshot: 'half' }, { workspaceId: 'folder:/fork' });
        expect(fork).toMatchObject({ kind: 'fork', parentId: info!.id, parentSeq: 6, workspaceId: 'folder:/fork' });
        expect(store.openReplay(fork.id).filesAt('end').files).toEqual({ 'main.py': '01234' });

        const resumed = store.resumeSession(info!.id);
        expect(store.getSession(info!.id).endedAt).toBeNull();
        expect(store.pruneOlderThan(0, Date.now() + 1)).toEqual([fork.id]); // never the one being recorded
        resumed.close();
        expect(store.listSessions().map((s) => s.id)).toEqual([info!.id]);
      });

      it('exports a session that a second storage of the same kind imports as it was', () => {
        const store = new HistoryStore(storage);
        const recorder = store.startSession({ workspaceId: 'room:r', kind: 'room', startedAt: T0 });
        const doc = new Y.Doc();
        recorder.attach(doc);
        doc.getMap<Y.Text>('files').set('a.txt', new Y.Text('hello'));
        recorder.recordEvent({ kind: 'chat', author: 'you', messageId: 'm1', text: 'hi' });
        recorder.close();
        const [info] = store.listSessions();
        store.openReplay(info!.id).createSnapshot('first', { seq: 1 });
        const file = path.join(tmp.dir, 'out.ccsession');
        store.exportSession(info!.id, file);

        // Into a storage of the same kind, under a new id, and back out again.
        const other = new HistoryStore(open(path.join(tmp.dir, 'other')));
        try {
          const imported = other.importSession(file, { newId: true });
          expect(imported).toMatchObject({ workspaceId: 'room:r', kind: 'room', lastSeq: info!.lastSeq, endedAt: info!.endedAt });
          const replay = other.openReplay(imported.id);
          expect(replay.filesAt('end').files).toEqual({ 'a.txt': 'hello' });
          expect(replay.snapshots().map((s) => s.name)).toEqual(['first']);
          expect(replay.events({ kinds: ['chat'] }).map((e) => e.event)).toEqual([{ kind: 'chat', author: 'you', messageId: 'm1', text: 'hi' }]);
        } finally {
          other.close();
        }
      });
    });
  });
}
