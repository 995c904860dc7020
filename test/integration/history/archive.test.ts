// Export/import of one session as one file, and bad input: a truncated, corrupted or foreign file
// and an invalid trace each give a clear typed error and leave the database exactly as it was.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryError, HistoryStore, loadTrace, parseTrace, recordTrace, type SqliteHistoryStorage } from '../../../main/history';
import { TRACES, tempDir } from './helpers';

const TABLES = ['sessions', 'update_chunks', 'keyframes', 'events', 'snapshots'];

function tableCounts(store: HistoryStore<SqliteHistoryStorage>): Record<string, number> {
  return Object.fromEntries(TABLES.map((t) => [t, store.storage.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number]));
}

function expectHistoryError(fn: () => unknown, code: string, message: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(HistoryError);
    expect((error as HistoryError).code).toBe(code);
    expect((error as HistoryError).message).toMatch(message);
    return;
  }
  expect.fail(`expected a HistoryError ${code}`);
}

describe('session export and import', () => {
  const tmp = tempDir();
  const source = path.join(tmp.dir, 'source.sqlite');
  const target = path.join(tmp.dir, 'target.sqlite');
  const exported = path.join(tmp.dir, 'session.ccsession');
  let sessionId = '';

  beforeAll(() => {
    const store = HistoryStore.open(source);
    const trace = loadTrace(path.join(TRACES, 'sveltecomponent.json.gz'));
    sessionId = recordTrace(store, trace, { file: 'src/App.svelte' }).sessionId;
    // Add events and a snapshot so the file carries every kind of record.
    const recorder = store.resumeSession(sessionId);
    recorder.recordEvent({ kind: 'chat', author: 'alice', messageId: 'm1', text: 'looks good' });
    recorder.recordEvent({ kind: 'terminal-open', terminalId: 't1', width: 80, height: 24 });
    recorder.recordEvent({ kind: 'terminal-data', terminalId: 't1', stream: 'o', data: 'hello\r\n' });
    recorder.close();
    store.openReplay(sessionId).createSnapshot('halfway', { seq: 9000 });
    store.exportSession(sessionId, exported);
    store.close();
  });
  afterAll(() => tmp.cleanup());

  it('round-trips: same id, text at every checked point, events and snapshots', () => {
    const a = HistoryStore.open(source);
    const b = HistoryStore.open(target);
    try {
      const info = b.importSession(exported);
      expect(info.id).toBe(sessionId);
      expect(info.lastSeq).toBe(a.getSession(sessionId).lastSeq);
      const ra = a.openReplay(sessionId);
      const rb = b.openReplay(sessionId);
      for (const seq of [0, 1, 2, 777, 9000, 15000, info.lastSeq]) expect(rb.filesAt({ seq })).toEqual(ra.filesAt({ seq }));
      expect(rb.events().map((e) => e.event)).toEqual(ra.events().map((e) => e.event));
      expect(rb.snapshots().map((s) => [s.name, s.seq])).toEqual([['halfway', 9000]]);
      expect(rb.asciicast('t1')).toBe(ra.asciicast('t1'));
      // A second import of the same session is refused unless asked for a new id.
      expectHistoryError(() => b.importSession(exported), 'conflict', /already exists/);
      const copy = b.importSession(exported, { newId: true });
      expect(copy.id).not.toBe(sessionId);
      expect(b.openReplay(copy.id).filesAt('end')).toEqual(ra.filesAt('end'));
    } finally {
      a.close();
      b.close();
    }
  });

  describe('bad files leave the database untouched', () => {
    const raw = () => readFileSync(exported);
    const cases: Array<{ name: string; make: () => Buffer; code: string; message: RegExp }> = [
      { name: 'truncated payload', make: () => raw().subarray(0, raw().length - 1000), code: 'truncated-file', message: /truncated/ },
      { name: 'header only', make: () => raw().subarray(0, raw().indexOf(0x0a) + 1), code: 'truncated-file', message: /truncated/ },
      {
        name: 'one flipped byte',
        make: () => {
          const b = Buffer.from(raw());
          b[b.length - 500] ^= 0x40;
          return b;
        },
        code: 'corrupt-file',
        message: /checksum mismatch/,
      },
      { name: 'extra bytes', make: () => Buffer.concat([raw(), Buffer.from('x')]), code: 'corrupt-file', message: /unexpected bytes/ },
      { name: 'not a session file', make: () => Buffer.from('hello world, this is no session\n'), code: 'corrupt-file', message: /not a CodeCrafter session file/ },
      { name: 'empty file', make: () => Buffer.alloc(0), code: 'corrupt-file', message: /not a CodeCrafter session file/ },
      {
        name: 'newer format version',
        make: () => {
          const b = raw();
          const header = JSON.parse(b.subarray(0, b.indexOf(0x0a)).toString());
          return Buffer.concat([Buffer.from(JSON.stringify({ ...header, version: 2 }) + '\n'), b.subarray(b.indexOf(0x0a) + 1)]);
        },
        code: 'unsupported-version',
        message: /version 2/,
      },
      {
        name: 'valid checksum, malformed payload',
        make: () => {
          const payload = gzipSync(Buffer.from('definitely not lib0'));
          const header = {
            format: 'codecrafter-session',
            version: 1,
            length: payload.length,
            sha256: createHash('sha256').update(payload).digest('hex'),
            sessionId,
          };
          return Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), payload]);
        },
        code: 'corrupt-file',
        message: /unreadable payload|invalid/,
      },
    ];
    it.each(cases)('$name -> $code', ({ name, make, code, message }) => {
      const file = path.join(tmp.dir, `bad-${name.replace(/\W+/g, '-')}.ccsession`);
      writeFileSync(file, make());
      const store = HistoryStore.open(target);
      try {
        const before = tableCounts(store);
        expectHistoryError(() => store.importSession(file, { newId: true }), code, message);
        expect(tableCounts(store)).toEqual(before);
      } finally {
        store.close();
      }
    });
  });

  it('an invalid trace is refused before anything is recorded', () => {
    const store = HistoryStore.open(path.join(tmp.dir, 'traces.sqlite'));
    try {
      const before = tableCounts(store);
      expectHistoryError(() => parseTrace({ startContent: '', txns: [] }), 'invalid-trace', /endContent/);
      expectHistoryError(
        () => parseTrace({ startContent: 'ab', endContent: 'abc', txns: [{ patches: [[3, 0, 'c']] }] }),
        'invalid-trace',
        /txns\[0\]\.patches\[0\].*outside the text/,
      );
      expectHistoryError(
        () => parseTrace({ startContent: 'ab', endContent: 'abcd', txns: [{ patches: [[2, 0, 'c']] }] }),
        'invalid-trace',
        /gives 3 characters, endContent has 4/,
      );
      const garbage = path.join(tmp.dir, 'garbage.json.gz');
      writeFileSync(garbage, Buffer.from([0x1f, 0x8b, 1, 2, 3]));
      expectHistoryError(() => loadTrace(garbage), 'invalid-trace', /not a \(gzipped\) JSON editing trace/);
      expectHistoryError(() => loadTrace(path.join(tmp.dir, 'missing.json')), 'not-found', /cannot read trace/);
      expect(tableCounts(store)).toEqual(before);
      // A valid trace with a bad target path is refused before a session is created too.
      expectHistoryError(
        () => recordTrace(store, parseTrace({ startContent: '', endContent: '', txns: [] }), { file: '../etc/passwd' }),
        'invalid-input',
        /invalid file path/,
      );
      expect(tableCounts(store)).toEqual(before);
    } finally {
      store.close();
    }
  });

  it('export of a session still being recorded includes everything recorded so far', () => {
    const store = HistoryStore.open(path.join(tmp.dir, 'live.sqlite'));
    try {
      const recorder = store.startSession({ workspaceId: 'w', kind: 'solo' });
      const doc = new Y.Doc();
      recorder.attach(doc);
      doc.getMap('files').set('a.txt', new Y.Text('live'));
      const file = path.join(tmp.dir, 'live.ccsession');
      store.exportSession(recorder.sessionId, file);
      const other = HistoryStore.open(path.join(tmp.dir, 'live-copy.sqlite'));
      try {
        const info = other.importSession(file);
        expect(other.openReplay(info.id).filesAt('end').files).toEqual({ 'a.txt': 'live' });
      } finally {
        other.close();
      }
    } finally {
      store.close();
    }
  });
});

describe('opening the database', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('refuses a file that is not a history database, and one from a newer app, without changing it', () => {
    const notDb = path.join(tmp.dir, 'notes.txt');
    writeFileSync(notDb, 'these are my notes, not a database\n'.repeat(200));
    const before = readFileSync(notDb);
    expectHistoryError(() => HistoryStore.open(notDb), 'corrupt-file', /not a usable history database/);
    expect(readFileSync(notDb).equals(before)).toBe(true);

    const newer = path.join(tmp.dir, 'newer.sqlite');
    const store = HistoryStore.open(newer);
    store.storage.db.pragma('user_version = 99');
    store.close();
    expectHistoryError(() => HistoryStore.open(newer), 'unsupported-version', /newer than this CodeCrafter supports/);
  });
});
