import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, installChunking, isChunkFrame, Reassembler, splitMessage } from './chunking';

function bytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 31 + seed) & 0xff;
  return out;
}

describe('data channel framing', () => {
  it('splits a message into frames that join back into it', () => {
    const message = bytes(CHUNK_BYTES * 3 + 17);
    const frames = splitMessage(message, 7);
    expect(frames).toHaveLength(4);
    expect(frames.every((f) => isChunkFrame(f) && f.length <= CHUNK_BYTES + 14)).toBe(true);
    const r = new Reassembler();
    const results = frames.map((f) => r.accept(f));
    expect(results.slice(0, 3)).toEqual([null, null, null]);
    expect(results[3]).toEqual(message);
  });

  it('drops a message whose frames come out of order or mixed with another', () => {
    const a = splitMessage(bytes(300), 1, 100);
    const b = splitMessage(bytes(300, 2), 2, 100);
    const r = new Reassembler();
    expect([r.accept(a[0]!), r.accept(a[2]!), r.accept(a[1]!)]).toEqual([null, null, null]);
    expect([r.accept(a[0]!), r.accept(b[1]!), r.accept(a[1]!), r.accept(a[2]!)]).toEqual([null, null, null, null]);
    expect(b.map((f) => r.accept(f)).at(-1)).toEqual(bytes(300, 2));
  });

  it('y-webrtc messages (a small varuint type first) are never taken for frames', () => {
    for (const type of [0, 1, 3, 4]) expect(isChunkFrame(new Uint8Array([type, ...bytes(40)]))).toBe(false);
  });

  it('wraps a peer: large sends go as frames and arrive whole, small ones untouched', () => {
    const wire: Uint8Array[] = [];
    const received: unknown[] = [];
    const makePeer = () => ({
      send: (data: Uint8Array) => wire.push(data),
      emit: (event: string, ...args: unknown[]) => {
        if (event === 'data') received.push(args[0]);
        return true;
      },
    });
    const sender = makePeer();
    const receiver = makePeer();
    let chunked = 0;
    installChunking(sender, () => chunked++);
    installChunking(receiver, () => {});
    const large = bytes(CHUNK_BYTES * 2 + 5);
    const small = bytes(100);
    sender.send(large);
    sender.send(small);
    expect(chunked).toBe(1);
    expect(wire).toHaveLength(4);
    for (const frame of wire) receiver.emit('data', frame);
    expect(received).toEqual([large, small]);
  });
});
