// Data channels cap a message's size (Chromium negotiates 256 KiB), and y-webrtc sends a whole
// sync reply as one message: a 1 MB file would never arrive. Large messages are cut into frames
// here and joined on the other side, per peer connection, below y-webrtc.
//
// Frame: MARKER(2) | message id (u32) | index (u32) | count (u32) | bytes. y-webrtc messages
// start with a varuint message type 0..4, so 0xff 0xc7 can never begin one of theirs.

const MARKER_0 = 0xff;
const MARKER_1 = 0xc7;
const HEADER_BYTES = 14;
/** Payload per frame; well under every browser's data channel limit. */
export const CHUNK_BYTES = 60 * 1024;
/** A message larger than this from a peer is dropped instead of filling our memory. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

interface PeerLike {
  send(data: Uint8Array): void;
  emit(event: string, ...args: unknown[]): boolean;
}

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

  /** Returns the whole message when `frame` completes one, null otherwise (or when dropped). */
  accept(frame: Uint8Array): Uint8Array | null {
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    const id = view.getUint32(2);
    const index = view.getUint32(6);
    const count = view.getUint32(10);
    if (index === 0) this.current = { id, count, parts: [], bytes: 0 };
    const current = this.current;
    const tooLarge = current !== null && current.bytes + frame.length - HEADER_BYTES > MAX_MESSAGE_BYTES;
    if (!current || current.id !== id || current.count !== count || current.parts.length !== index || tooLarge) {
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

const installed = new WeakSet<object>();

/** Wraps one simple-peer connection (as y-webrtc made it) so large messages travel in frames. */
export function installChunking(peerObject: unknown, onChunked: () => void): void {
  const peer = peerObject as PeerLike;
  if (!peer || installed.has(peer)) return;
  installed.add(peer);
  let nextId = 1;
  const send = peer.send.bind(peer);
  peer.send = (data: Uint8Array) => {
    if (data.length <= CHUNK_BYTES) return send(data);
    onChunked();
    for (const frame of splitMessage(data, nextId++)) send(frame);
  };
  const reassembler = new Reassembler();
  const emit = peer.emit.bind(peer);
  peer.emit = (event: string, ...args: unknown[]) => {
    if (event === 'data' && args[0] instanceof Uint8Array && isChunkFrame(args[0])) {
      const message = reassembler.accept(args[0]);
      return message ? emit('data', message) : true;
    }
    return emit(event, ...args);
  };
}
