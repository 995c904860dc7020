// The service the host contract exposes: untrusted arguments are validated, results survive
// structured cloning (IPC), and a session still being recorded is seen up to date.
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { HistoryStore, createHistoryService } from '../../../main/history';
import { historyContract } from '../../../common/contract-history';
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

  // Arguments are validated once, by the contract's schemas at the boundary (the dispatcher
  // answers invalid-argument); the service takes typed arguments and does not parse them again.
  it.each([
    ['filesAt', { sessionId: 'x', at: 'end' }],
    ['filesAt', { sessionId: '00000000-0000-0000-0000-000000000000', at: { seq: 1.5 } }],
    ['filesAt', null],
    ['diff', { sessionId: '00000000-0000-0000-0000-000000000000', from: 'start' }],
    ['setRetention', { days: -3 }],
    ['importSession', { name: 'x', data: 'not base64!' }],
    ['createSnapshot', { sessionId: '00000000-0000-0000-0000-000000000000', name: '', at: 'end' }],
    ['events', { sessionId: '00000000-0000-0000-0000-000000000000', kinds: ['shell'] }],
  ] as const)('the contract refuses %s(%j)', (method, input) => {
    expect(historyContract[method].input.safeParse(input).success).toBe(false);
  });
});
