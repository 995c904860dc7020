import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PeerUpdateQueue, type PeerUpdateQueueOptions } from './peer-updates';

// Peers' updates applied together (peer-updates.ts), on real Y.Docs: what four people type
// between two of our tasks reaches this window's doc as one transaction.

/** A peer's doc that shares `seed`'s text; `type` makes one keystroke and returns its update. */
function peer(clientId: number, seed: Uint8Array) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  Y.applyUpdate(doc, seed);
  const text = doc.getText('code');
  return {
    key: `key-${clientId}`,
    type(at: number, letter: string): Uint8Array {
      let update: Uint8Array | null = null;
      const grab = (u: Uint8Array) => (update = u);
      doc.on('update', grab);
      text.insert(at, letter);
      doc.off('update', grab);
      return update!;
    },
  };
}

function setup(overrides: Partial<PeerUpdateQueueOptions<string>> = {}) {
  const doc = new Y.Doc();
  doc.getText('code').insert(0, 'a\nb\nc\n');
  const seed = Y.encodeStateAsUpdate(doc);
  const origin = { from: 'room peers' };
  const log = { transactions: [] as Array<{ origin: unknown; local: boolean }>, deltas: 0, dropped: [] as string[], unreadable: [] as string[], applied: [] as number[] };
  doc.on('afterTransaction', (tr: Y.Transaction) => log.transactions.push({ origin: tr.origin, local: tr.local }));
  doc.getText('code').observe(() => log.deltas++);
  const queue = new PeerUpdateQueue<string>({
    doc,
    origin,
    mayWrite: () => true,
    onDropped: (key) => log.dropped.push(key),
    onUnreadable: (link) => log.unreadable.push(link),
    onApplied: (n) => log.applied.push(n),
    ...overrides,
  });
  return { doc, seed, origin, queue, log, text: () => doc.getText('code').toString() };
}

describe('PeerUpdateQueue', () => {
  it('applies the updates that wait together in one transaction, not as this window’s edits', async () => {
    const { seed, origin, queue, log, text } = setup();
    const [p1, p2, p3] = [peer(11, seed), peer(12, seed), peer(13, seed)];
    queue.push({ link: 'l1', key: p1.key, payload: p1.type(1, 'x') });
    queue.push({ link: 'l2', key: p2.key, payload: p2.type(3, 'y') });
    queue.push({ link: 'l3', key: p3.key, payload: p3.type(5, 'z') });
    queue.push({ link: 'l1', key: p1.key, payload: p1.type(2, 'x') });
    expect(text()).toBe('a\nb\nc\n'); // nothing yet: the batch waits for the next task
    await new Promise((r) => setTimeout(r, 5));
    expect(text()).toBe('axx\nby\ncz\n');
    expect(log.transactions).toEqual([{ origin, local: false }]);
    expect(log.deltas).toBe(1);
    expect(log.applied).toEqual([4]);
  });

  it('applies an update alone when nothing else waits, in the next task', async () => {
    const { seed, queue, log, text } = setup();
    const p1 = peer(11, seed);
    queue.push({ link: 'l1', key: p1.key, payload: p1.type(0, 'q') });
    await new Promise((r) => setTimeout(r, 5));
    queue.push({ link: 'l1', key: p1.key, payload: p1.type(1, 'q') });
    await new Promise((r) => setTimeout(r, 5));
    expect(text()).toBe('qqa\nb\nc\n');
    expect(log.applied).toEqual([1, 1]);
  });

  it('drops the update of a sender who lost the right to write while it waited', () => {
    const writers = new Set(['key-11', 'key-12']);
    const { seed, queue, log, text } = setup({ mayWrite: (key) => writers.has(key), schedule: () => () => {} });
    const [p1, p2] = [peer(11, seed), peer(12, seed)];
    queue.push({ link: 'l1', key: p1.key, payload: p1.type(0, 'x') });
    queue.push({ link: 'l2', key: p2.key, payload: p2.type(2, 'y') });
    writers.delete('key-12');
    queue.flush();
    expect(text()).toBe('xa\nb\nc\n');
    expect(log.dropped).toEqual(['key-12']);
    expect(log.applied).toEqual([1]);
  });

  it('names the link of an unreadable update and still applies the rest of its batch', () => {
    const { seed, queue, log, text } = setup({ schedule: () => () => {} });
    const p1 = peer(11, seed);
    queue.push({ link: 'hostile', key: 'key-66', payload: new Uint8Array([250, 251, 252, 253]) });
    queue.push({ link: 'l1', key: p1.key, payload: p1.type(0, 'x') });
    queue.flush();
    expect(log.unreadable).toEqual(['hostile']);
    expect(text()).toBe('xa\nb\nc\n');
  });

  it('converges with the senders however their updates are cut into batches (seeded)', () => {
    for (const seedNumber of [1, 2, 3, 4, 5]) {
      let state = seedNumber;
      const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const { seed, queue, doc, text } = setup({ schedule: () => () => {} });
      const senders = [11, 12, 13, 14].map((id) => {
        const d = new Y.Doc();
        d.clientID = id;
        Y.applyUpdate(d, seed);
        return d;
      });
      // Every sender edits its own doc and hears the others late; the queue hears everyone.
      const outbox: Array<{ from: number; update: Uint8Array }> = [];
      senders.forEach((d, i) => d.on('update', (u: Uint8Array, origin: unknown) => origin !== 'relay' && outbox.push({ from: i, update: u })));
      for (let step = 0; step < 300; step++) {
        const d = senders[Math.floor(random() * senders.length)]!;
        const t = d.getText('code');
        if (random() < 0.3 && t.length > 0) t.delete(Math.floor(random() * t.length), 1);
        else t.insert(Math.floor(random() * (t.length + 1)), 'abcdefgh'[Math.floor(random() * 8)]!);
        if (random() < 0.2) {
          for (const { from, update } of outbox.splice(0)) {
            senders.forEach((other, j) => j !== from && Y.applyUpdate(other, update, 'relay'));
            queue.push({ link: `l${from}`, key: `key-${from}`, payload: update });
          }
          if (random() < 0.5) queue.flush();
        }
      }
      for (const { from, update } of outbox.splice(0)) {
        senders.forEach((other, j) => j !== from && Y.applyUpdate(other, update, 'relay'));
        queue.push({ link: `l${from}`, key: `key-${from}`, payload: update });
      }
      queue.flush();
      const expected = senders[0]!.getText('code').toString();
      expect(senders.map((d) => d.getText('code').toString())).toEqual(senders.map(() => expected));
      expect(text()).toBe(expected);
      expect(doc.store.pendingStructs).toBeNull();
    }
  });

  it('drops what waits when disposed, and cancels its schedule', () => {
    let cancelled = 0;
    const { seed, queue, text } = setup({ schedule: () => () => cancelled++ });
    const p1 = peer(11, seed);
    queue.push({ link: 'l1', key: p1.key, payload: p1.type(0, 'x') });
    queue.dispose();
    queue.flush();
    expect(text()).toBe('a\nb\nc\n');
    expect(cancelled).toBe(1);
  });
});
