// Recording real editing traces and seeking in them: every seek must give exactly the text of the
// trace applied (as plain string edits) up to that point.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KEYFRAME_EVERY, HistoryStore, loadTrace, recordTrace } from '../../../main/history';
import { TRACES, expectedTexts, prng, tempDir } from './helpers';

const CASES = [
  { name: 'automerge-paper', file: 'paper.tex', seeks: 150, seed: 0xc0ffee },
  { name: 'sveltecomponent', file: 'src/App.svelte', seeks: 300, seed: 42 },
];

describe.each(CASES)('trace $name', ({ name, file, seeks, seed }) => {
  const tmp = tempDir();
  const dbFile = path.join(tmp.dir, 'history.sqlite');
  const trace = loadTrace(path.join(TRACES, `${name}.json.gz`));
  let sessionId = '';

  beforeAll(() => {
    const store = HistoryStore.open(dbFile);
    sessionId = recordTrace(store, trace, { file, workspaceId: `ws-${name}` }).sessionId;
    store.close();
  });
  afterAll(() => tmp.cleanup());

  it('stores one update per txn plus the file creation', () => {
    const store = HistoryStore.open(dbFile);
    try {
      const lastSeq = store.getSession(sessionId).lastSeq;
      expect(lastSeq).toBe(trace.txns.length + 1);
      // Keyframes at least every DEFAULT_KEYFRAME_EVERY updates, so a seek never replays from the start.
      const seqs = store.storage.db.prepare('SELECT seq FROM keyframes ORDER BY seq').pluck().all() as number[];
      const gaps = [...seqs, lastSeq].map((s, i, all) => s - (i ? all[i - 1]! : 0));
      expect(Math.max(...gaps)).toBeLessThanOrEqual(DEFAULT_KEYFRAME_EVERY);
    } finally {
      store.close();
    }
  });

  it('replays to endContent after reopening the database', () => {
    const store = HistoryStore.open(dbFile);
    try {
      const replay = store.openReplay(sessionId);
      const end = replay.filesAt('end');
      expect(end.seq).toBe(trace.txns.length + 1);
      expect(Object.keys(end.files)).toEqual([file]);
      expect(end.files[file]).toBe(trace.endContent);
    } finally {
      store.close();
    }
  });

  it(`random seeks (seed ${seed}) give the trace's text at that point`, () => {
    const store = HistoryStore.open(dbFile);
    try {
      const replay = store.openReplay(sessionId);
      const random = prng(seed);
      const last = replay.lastSeq;
      const points = [0, 1, 2, last, ...Array.from({ length: seeks }, () => Math.floor(random() * (last + 1)))];
      const expected = expectedTexts(trace, points);
      for (const seq of points) {
        const got = replay.filesAt({ seq });
        expect(got.seq).toBe(seq);
        const want = expected.get(seq);
        if (want === undefined) expect(got.files).toEqual({});
        else if (got.files[file] !== want) {
          // One readable failure instead of a 100 kB string diff.
          expect.fail(`seed ${seed}: text at seq ${seq} differs (got ${got.files[file]?.length} chars, want ${want.length})`);
        }
      }
    } finally {
      store.close();
    }
  });

  it('a playback cursor stepping forward matches seeks', () => {
    const store = HistoryStore.open(dbFile);
    try {
      const replay = store.openReplay(sessionId);
      const cursor = replay.cursor();
      const random = prng(seed + 1);
      const points = Array.from({ length: 20 }, () => Math.floor(random() * (replay.lastSeq + 1))).sort((a, b) => a - b);
      const expected = expectedTexts(trace, points);
      for (const seq of points) {
        cursor.seek(seq);
        expect(cursor.files()[file]).toBe(expected.get(seq));
      }
      cursor.dispose();
    } finally {
      store.close();
    }
  });
});
