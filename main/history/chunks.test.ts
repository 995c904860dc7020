import { describe, expect, it } from 'vitest';
import { CHUNK_MAX, decodeChunk, encodeChunk, type StoredUpdate } from './chunks';

const T = 1_700_000_000_000;

function updates(n: number): StoredUpdate[] {
  return Array.from({ length: n }, (_, i) => ({
    seq: 41 + i,
    time: T + Math.floor(i / 3) * 250,
    author: i % 2 ? 'client:1' : 'client:2',
    file: i % 5 === 0 ? null : `src/f${i % 3}.ts`,
    origin: i % 7 === 0 ? null : 'local',
    data: Uint8Array.from({ length: 1 + (i % 40) }, (_, j) => (i * 31 + j) & 0xff),
  }));
}

describe('update chunks', () => {
  it.each([1, 2, 100, CHUNK_MAX])('round-trips %i updates', (n) => {
    const input = updates(n);
    const chunk = encodeChunk(input);
    expect(chunk).toMatchObject({ firstSeq: 41, lastSeq: 40 + n, firstTime: T, lastTime: input[n - 1]!.time });
    const output = decodeChunk(chunk.firstSeq, chunk.firstTime, chunk.body);
    expect(output.map((u) => ({ ...u, data: [...u.data] }))).toEqual(input.map((u) => ({ ...u, data: [...u.data] })));
  });

  it('stores each distinct author and file once', () => {
    const many = updates(CHUNK_MAX);
    const body = encodeChunk(many).body.length;
    const payload = many.reduce((n, u) => n + u.data.length, 0);
    // Per update: time delta, 3 indexes, a length prefix: a handful of bytes, not the strings.
    expect(body - payload).toBeLessThan(many.length * 8);
  });

  it('rejects malformed bodies instead of returning garbage', () => {
    const { body } = encodeChunk(updates(10));
    expect(() => decodeChunk(1, T, body.subarray(0, body.length - 3))).toThrow();
    expect(() => decodeChunk(1, T, new Uint8Array([...body, 0]))).toThrow(/trailing/);
    expect(() => decodeChunk(1, T, new Uint8Array([5, 0, 0, 9, 0, 0]))).toThrow();
  });
});
