import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, isChunkFrame, Reassembler, splitMessage, TOO_LARGE } from './chunking';

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

  it('our messages (a small varuint type first) are never taken for frames', () => {
    for (const type of [0, 1, 3, 4]) expect(isChunkFrame(new Uint8Array([type, ...bytes(40)]))).toBe(false);
  });

  it('refuses a message over the cap at its first frame, and one that grows past it', () => {
    const r = new Reassembler(1000);
    const huge = splitMessage(bytes(5000), 3, 100);
    expect(r.accept(huge[0]!)).toBe(TOO_LARGE);
    // The last frame is short, so a sender could under-announce: the running total catches it.
    const sneaky = splitMessage(bytes(1100), 4, 600);
    expect(r.accept(sneaky[0]!)).toBeNull();
    expect(r.accept(sneaky[1]!)).toBe(TOO_LARGE);
    expect(splitMessage(bytes(900), 5, 100).map((f) => r.accept(f)).at(-1)).toEqual(bytes(900));
  });
});
