// Data channels cap a message's size (Chromium negotiates 256 KiB), and a whole sync reply is one
// message: a 1 MB file would never arrive. Large messages are cut into frames here and joined on
// the other side, per peer connection (provider/framed-channel.ts).
//
// Frame: MARKER(2) | message id (u32) | index (u32) | count (u32) | bytes. Our messages start with
// a small varuint message type (provider/wire.ts), so 0xff 0xc7 can never begin one of them.

const MARKER_0 = 0xff;
const MARKER_1 = 0xc7;
const HEADER_BYTES = 14;
/** Payload per frame; well under every browser's data channel limit. */
export const CHUNK_BYTES = 60 * 1024;
/**
 * A message larger than this from a peer is refused (and the peer dropped) instead of filling our
 * memory: a room shares at most 32 MB of text (guest-files.ts MAX_SHARED_TOTAL_BYTES), so a sync reply
 * of the whole room fits.
 */
export const MAX_MESSAGE_BYTES = 32 * 1024 * 1024 + 64 * 1024;

/** What `Reassembler.accept` says of a message that would pass MAX_MESSAGE_BYTES. */
export const TOO_LARGE = 'too-large' as const;

export function isChunkFrame(data: Uint8Array): boolean {
  return data.length >= HEADER_BYTES && data[0] === MARKER_0 && data[1] === MARKER_1;
}

export function splitMessage(message: Uint8Array, id: number, chunkBytes = CHUNK_BYTES): Uint8Array[] {
  const count = Math.ceil(message.length / chunkBytes);
  const frames: Uint8Array[] = [];
  for (let index = 0; index < count; index++) {
    const part = message.subarray(index * chunkBytes, (index + 1) * chunkBytes);
    const frame = new Uint8Array(HEADER_BYTES + part.length);
    const view = new DataView(frame.buffer);
    frame[0] = MARKER_0;
    frame[1] = MARKER_1;
    view.setUint32(2, id);
    view.setUint32(6, index);
    view.setUint32(10, count);
    frame.set(part, HEADER_BYTES);
    frames.push(frame);
  }
  return frames;
}

/** Joins frames back into messages; frames of one message arrive in order (data channels are ordered). */
export class Reassembler {
  private current: { id: number; count: number; parts: Uint8Array[]; bytes: number } | null = null;

  constructor(private readonly maxBytes = MAX_MESSAGE_BYTES) {}

  /**
   * Returns the whole message when `frame` completes one, null otherwise (or when out of order),
   * TOO_LARGE when the message announces or reaches more than the cap: known at its first frame,
   * so a 50 MB message is refused before 50 MB arrive.
   */
  accept(frame: Uint8Array): Uint8Array | null | typeof TOO_LARGE {
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    const id = view.getUint32(2);
    const index = view.getUint32(6);
    const count = view.getUint32(10);
    // Every frame but the last is full, so the first one tells the least the message will weigh.
    if (index === 0 && (count - 1) * (frame.length - HEADER_BYTES) >= this.maxBytes) {
      this.current = null;
      return TOO_LARGE;
    }
    if (index === 0) this.current = { id, count, parts: [], bytes: 0 };
    const current = this.current;
    if (current !== null && current.bytes + frame.length - HEADER_BYTES > this.maxBytes) {
      this.current = null;
      return TOO_LARGE;
    }
    if (!current || current.id !== id || current.count !== count || current.parts.length !== index) {
      this.current = null;
      return null;
    }
    const part = frame.subarray(HEADER_BYTES);
    current.parts.push(part);
    current.bytes += part.length;
    if (current.parts.length < count) return null;
    this.current = null;
    const message = new Uint8Array(current.bytes);
    let offset = 0;
    for (const p of current.parts) {
      message.set(p, offset);
      offset += p.length;
    }
    return message;
  }
}
