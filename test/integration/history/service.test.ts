// The service the host contract exposes: untrusted arguments are validated, results survive
// structured cloning (IPC), and a session still being recorded is seen up to date.
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { HistoryError, HistoryStore, createHistoryService } from '../../../main/history';
import { tempDir } from './helpers';

describe('history service', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('answers with cloneable data and refreshes a live session', () => {
    const store = HistoryStore.open(path.join(tmp.dir, 'h.sqlite'));
    try {
      const service = createHistoryService(store);
      const recorder = store.startSession({ workspaceId: 'w', kind: 'solo' });
      const doc = new Y.Doc();
      recorder.attach(doc);
      const text = new Y.Text('v1');
      doc.getMap('files').set('a.txt', text);
      const sessionId = recorder.sessionId;

      const first = structuredClone(service.filesAt({ sessionId, at: 'end' }));
      expect(first.files).toEqual({ 'a.txt': 'v1' });
      text.insert(2, '+v2');
      expect(service.filesAt({ sessionId, at: 'end' }).files).toEqual({ 'a.txt': 'v1+v2' });
      expect(service.diff({ sessionId, from: { seq: 1 }, to: 'end' })[0]).toMatchObject({ path: 'a.txt', inserted: 3 });
      const state = structuredClone(service.stateAt({ sessionId, at: { seq: 1 } }));
      const copy = new Y.Doc();
      Y.applyUpdate(copy, state.update);
      expect(copy.getMap('files').get('a.txt')!.toString()).toBe('v1');
      expect(structuredClone(service.timeline({ sessionId })).tracks).toHaveLength(1);
      expect(service.listSessions({}).map((s) => s.id)).toEqual([sessionId]);
      recorder.close();
    } finally {
      store.close();
    }
  });

  it.each([
    ['filesAt', { sessionId: 'x', at: 'end' }],
    ['filesAt', { sessionId: '00000000-0000-0000-0000-000000000000', at: { seq: 1.5 } }],
    ['filesAt', null],
    ['diff', { sessionId: '00000000-0000-0000-0000-000000000000', from: 'start' }],
    ['prune', { olderThanDays: -3 }],
    ['importSession', { file: '' }],
    ['createSnapshot', { sessionId: '00000000-0000-0000-0000-000000000000', name: '' }],
  ] as const)('%s(%j) -> invalid-input', (method, input) => {
    const store = HistoryStore.open(path.join(tmp.dir, 'h2.sqlite'));
    try {
      const service = createHistoryService(store);
      let error: unknown;
      try {
        (service[method] as (x: unknown) => unknown)(input);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(HistoryError);
      expect((error as HistoryError).code).toBe('invalid-input');
    } finally {
      store.close();
    }
  });
});
