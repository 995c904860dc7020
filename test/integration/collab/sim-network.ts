import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { Reassembler, splitMessage, CHUNK_BYTES } from '../../../renderer/collab/chunking';

// A seeded simulation of a room (as Yjs's own tests replay random edits under tc.prng): several
// Y.Docs editing the same `files` map, a network whose links deliver in random order, drop while
// partitioned, and on healing run y-webrtc's sync step 1/2 exchange. Outgoing updates are batched
// (merged with Y.mergeUpdates, as renderer/collab/room-connection.ts does) and large batches go
// through the same framing as a data channel (renderer/collab/chunking.ts).

const REMOTE = Symbol('remote');

interface Link {
  up: boolean;
  queue: Uint8Array[];
  reassembler: Reassembler;
}

export interface SimOptions {
  peers: number;
  steps: number;
  /** When false, a healed link does not resync: used to show the check can fail. */
  resyncOnHeal?: boolean;
  /** Frame size for the chunking path; small so that it is exercised often. */
  chunkBytes?: number;
}

export interface SimResult {
  docs: Y.Doc[];
  delivered: number;
  dropped: number;
  partitions: number;
}

export function runSimulation(seed: number, options: SimOptions): SimResult {
  const gen = prng.create(seed);
  const docs = Array.from({ length: options.peers }, () => new Y.Doc());
  const outbox: Uint8Array[][] = docs.map(() => []);
  const links = new Map<string, Link>();
  const link = (from: number, to: number) => links.get(`${from}>${to}`)!;
  for (let a = 0; a < docs.length; a++) {
    for (let b = 0; b < docs.length; b++) if (a !== b) links.set(`${a}>${b}`, { up: true, queue: [], reassembler: new Reassembler() });
  }
  docs.forEach((doc, i) => doc.on('update', (update: Uint8Array, origin: unknown) => origin !== REMOTE && outbox[i]!.push(update)));
  let delivered = 0;
  let dropped = 0;
  let partitions = 0;
  let messageId = 1;

  const send = (from: number, to: number, message: Uint8Array) => {
    const l = link(from, to);
    if (!l.up) {
      dropped++;
      return;
    }
    // Large messages travel in frames, small ones whole, as over a data channel.
    const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
    if (message.length > chunkBytes) l.queue.push(...splitMessage(message, messageId++, chunkBytes));
    else l.queue.push(message);
  };

  const flush = (from: number) => {
    const updates = outbox[from]!.splice(0);
    if (updates.length === 0) return;
    const merged = Y.mergeUpdates(updates);
    const encoder = encoding.createEncoder();
    syncProtocol.writeUpdate(encoder, merged);
    const message = encoding.toUint8Array(encoder);
    for (let to = 0; to < docs.length; to++) if (to !== from) send(from, to, message);
  };

  const receive = (from: number, to: number, raw: Uint8Array) => {
    const l = link(from, to);
    const message = raw[0] === 0xff ? l.reassembler.accept(raw) : raw;
    if (!(message instanceof Uint8Array)) return;
    const decoder = decoding.createDecoder(message);
    const reply = encoding.createEncoder();
    syncProtocol.readSyncMessage(decoder, reply, docs[to]!, REMOTE);
    delivered++;
    if (encoding.length(reply) > 0) send(to, from, encoding.toUint8Array(reply));
  };

  /** What y-webrtc does when a data channel opens: both sides send sync step 1. */
  const handshake = (a: number, b: number) => {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const encoder = encoding.createEncoder();
      syncProtocol.writeSyncStep1(encoder, docs[x]!);
      send(x, y, encoding.toUint8Array(encoder));
    }
  };

  const edit = (i: number) => {
    const doc = docs[i]!;
    const files = doc.getMap<Y.Text>('files');
    const keys = [...files.keys()];
    const roll = prng.int32(gen, 0, 99);
    if (keys.length === 0 || roll < 8) {
      const text = new Y.Text();
      files.set(`f${prng.int32(gen, 0, 5)}.ts`, text);
      text.insert(0, prng.word(gen, 0, 30));
      return;
    }
    const text = files.get(prng.oneOf(gen, keys))!;
    if (roll < 10) {
      files.delete(prng.oneOf(gen, keys));
    } else if (roll < 70 || text.length === 0) {
      // Typing: a run of single-character inserts, as keystrokes arrive.
      let at = prng.int32(gen, 0, text.length);
      for (let n = prng.int32(gen, 1, 8); n > 0; n--) text.insert(at++, prng.oneOf(gen, ['a', 'b', 'é', '\n', ' ', '😀', 'x']));
    } else if (roll < 75) {
      // A paste large enough to be framed.
      text.insert(prng.int32(gen, 0, text.length), prng.word(gen, 200, 2000));
    } else {
      const at = prng.int32(gen, 0, text.length - 1);
      text.delete(at, prng.int32(gen, 1, Math.min(10, text.length - at)));
    }
  };

  const pairs = [...links.keys()].filter((k) => Number(k.split('>')[0]) < Number(k.split('>')[1]));
  for (let step = 0; step < options.steps; step++) {
    const roll = prng.int32(gen, 0, 99);
    const peer = prng.int32(gen, 0, docs.length - 1);
    if (roll < 40) edit(peer);
    else if (roll < 55) flush(peer);
    else if (roll < 90) {
      // Deliver one message from a random non-empty queue; queues are drained from a random
      // position, so messages arrive out of order.
      const busy = [...links.entries()].filter(([, l]) => l.queue.length > 0);
      if (busy.length === 0) continue;
      const [key, l] = prng.oneOf(gen, busy);
      const [from, to] = key.split('>').map(Number) as [number, number];
      const [message] = l.queue.splice(pickIndex(gen, l.queue), 1);
      if (l.up) receive(from, to, message!);
      else dropped++;
    } else if (roll < 95) {
      const [a, b] = prng.oneOf(gen, pairs).split('>').map(Number) as [number, number];
      if (link(a, b).up) {
        partitions++;
        for (const l of [link(a, b), link(b, a)]) {
          l.up = false;
          dropped += l.queue.length;
          l.queue = [];
          l.reassembler = new Reassembler();
        }
      }
    } else {
      const [a, b] = prng.oneOf(gen, pairs).split('>').map(Number) as [number, number];
      if (!link(a, b).up) {
        link(a, b).up = true;
        link(b, a).up = true;
        if (options.resyncOnHeal !== false) handshake(a, b);
      }
    }
  }

  // The end: every link heals, everyone flushes, and the network drains.
  for (const key of pairs) {
    const [a, b] = key.split('>').map(Number) as [number, number];
    if (!link(a, b).up) {
      link(a, b).up = true;
      link(b, a).up = true;
      if (options.resyncOnHeal !== false) handshake(a, b);
    }
  }
  docs.forEach((_, i) => flush(i));
  for (let guard = 0; guard < 1_000_000; guard++) {
    const busy = [...links.entries()].filter(([, l]) => l.queue.length > 0);
    if (busy.length === 0) break;
    const [key, l] = prng.oneOf(gen, busy);
    const [from, to] = key.split('>').map(Number) as [number, number];
    receive(from, to, l.queue.splice(pickIndex(gen, l.queue), 1)[0]!);
    docs.forEach((_, i) => flush(i));
  }
  return { docs, delivered, dropped, partitions };
}

/**
 * Picks which queued message a link delivers next. Whole messages may overtake each other (they
 * model different channels and resends); the frames of one message stay in order, as on one
 * ordered data channel.
 */
function pickIndex(gen: ReturnType<typeof prng.create>, queue: Uint8Array[]): number {
  const index = prng.int32(gen, 0, queue.length - 1);
  if (queue[index]![0] !== 0xff) return index;
  return queue.findIndex((m) => m[0] === 0xff);
}

export function snapshot(doc: Y.Doc): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, text] of doc.getMap<Y.Text>('files')) out[key] = text.toString();
  return out;
}
