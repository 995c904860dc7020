// Yjs updates are stored many to a row: one row per flushed batch (at most CHUNK_MAX updates), so a
// keystroke costs an array push, and a 260k-edit import costs ~1k inserts instead of 260k.
// Body layout (lib0 varints): count, string table (authors, files, origins), then per update:
// time delta from the previous update, author index, file index + 1 (0 = none), origin index + 1,
// and the update bytes.
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

export const CHUNK_MAX = 256;

export interface StoredUpdate {
  seq: number;
  time: number;
  author: string;
  file: string | null;
  origin: string | null;
  data: Uint8Array;
}

export interface EncodedChunk {
  firstSeq: number;
  lastSeq: number;
  firstTime: number;
  lastTime: number;
  body: Uint8Array;
}

/** `updates` must be consecutive in seq and non-decreasing in time. */
export function encodeChunk(updates: StoredUpdate[]): EncodedChunk {
  const first = updates[0]!;
  const last = updates[updates.length - 1]!;
  const strings = new Map<string, number>();
  const intern = (s: string) => {
    let i = strings.get(s);
    if (i === undefined) strings.set(s, (i = strings.size));
    return i;
  };
  const rows = encoding.createEncoder();
  let prevTime = first.time;
  for (const u of updates) {
    encoding.writeVarUint(rows, u.time - prevTime);
    prevTime = u.time;
    encoding.writeVarUint(rows, intern(u.author));
    encoding.writeVarUint(rows, u.file === null ? 0 : intern(u.file) + 1);
    encoding.writeVarUint(rows, u.origin === null ? 0 : intern(u.origin) + 1);
    encoding.writeVarUint8Array(rows, u.data);
  }
  const body = encoding.createEncoder();
  encoding.writeVarUint(body, updates.length);
  encoding.writeVarUint(body, strings.size);
  for (const s of strings.keys()) encoding.writeVarString(body, s);
  encoding.writeUint8Array(body, encoding.toUint8Array(rows));
  return {
    firstSeq: first.seq,
    lastSeq: last.seq,
    firstTime: first.time,
    lastTime: last.time,
    body: encoding.toUint8Array(body),
  };
}

/** Throws on a malformed body (the caller turns it into a typed error). */
export function decodeChunk(firstSeq: number, firstTime: number, body: Uint8Array): StoredUpdate[] {
  const d = decoding.createDecoder(body);
  const count = decoding.readVarUint(d);
  const nStrings = decoding.readVarUint(d);
  if (count > CHUNK_MAX * 64 || nStrings > count * 3 + 1) throw new Error('malformed update chunk header');
  const strings: string[] = [];
  for (let i = 0; i < nStrings; i++) strings.push(decoding.readVarString(d));
  const at = (i: number) => {
    const s = strings[i];
    if (s === undefined) throw new Error('malformed update chunk: bad string index');
    return s;
  };
  const out: StoredUpdate[] = [];
  let time = firstTime;
  for (let i = 0; i < count; i++) {
    time += decoding.readVarUint(d);
    const author = at(decoding.readVarUint(d));
    const fileIndex = decoding.readVarUint(d);
    const originIndex = decoding.readVarUint(d);
    const data = decoding.readVarUint8Array(d);
    out.push({
      seq: firstSeq + i,
      time,
      author,
      file: fileIndex === 0 ? null : at(fileIndex - 1),
      origin: originIndex === 0 ? null : at(originIndex - 1),
      data,
    });
  }
  if (d.pos !== body.length) throw new Error('malformed update chunk: trailing bytes');
  return out;
}
