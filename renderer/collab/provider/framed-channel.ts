import { isChunkFrame, Reassembler, splitMessage, CHUNK_BYTES, TOO_LARGE } from '../chunking';

// One ordered RTCDataChannel with our framing (../chunking.ts) and flow control. The browser
// queues whatever `send` is given and closes the channel when its buffer passes 16 MiB, so a
// 20 MB sync step 2 sent in one go never arrived (issue 8); here frames wait in our own queue and
// go while the channel's bufferedAmount stays under a high-water mark, resuming on
// `bufferedamountlow` (as VS Code's terminal flow control does with acknowledgements).

/** Stop handing frames to the channel above this many buffered bytes… */
const HIGH_WATER_BYTES = 1024 * 1024;
/** …and start again below this. */
const LOW_WATER_BYTES = 256 * 1024;

export interface FramedChannelEvents {
  message(data: Uint8Array): void;
  /** A peer sent a message over the size cap: the caller drops it. */
  oversized(): void;
}

export class FramedChannel {
  private readonly queue: Uint8Array[] = [];
  private readonly reassembler = new Reassembler();
  private nextId = 1;
  private pumping = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  /** Messages that went out in frames (stats). */
  chunked = 0;

  constructor(
    private readonly channel: RTCDataChannel,
    private readonly events: FramedChannelEvents,
  ) {
    channel.binaryType = 'arraybuffer';
    channel.bufferedAmountLowThreshold = LOW_WATER_BYTES;
    channel.addEventListener('bufferedamountlow', () => this.pump());
    channel.addEventListener('message', (event: MessageEvent) => this.receive(event.data));
  }

  send(message: Uint8Array): void {
    if (this.closed) return;
    if (message.length <= CHUNK_BYTES) this.queue.push(message);
    else {
      this.chunked++;
      this.queue.push(...splitMessage(message, this.nextId++));
    }
    this.pump();
  }

  /** Bytes waiting in our queue and in the channel's buffer. */
  get pendingBytes(): number {
    let total = this.channel.bufferedAmount;
    for (const frame of this.queue) total += frame.length;
    return total;
  }

  private pump(): void {
    if (this.pumping || this.closed) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0 && this.channel.readyState === 'open' && this.channel.bufferedAmount < HIGH_WATER_BYTES) {
        this.channel.send(this.queue.shift() as Uint8Array<ArrayBuffer>);
      }
    } catch (error) {
      console.warn('room: a data channel refused a frame; closing it', error);
      this.close();
    } finally {
      this.pumping = false;
    }
    // Some WebRTC builds fire bufferedamountlow late or not at all: look again shortly.
    if (this.queue.length > 0 && !this.closed && this.retryTimer === null) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.pump();
      }, 20);
    }
  }

  private receive(data: unknown): void {
    if (this.closed) return;
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
    if (!bytes) return; // text frames are not part of our protocol
    if (!isChunkFrame(bytes)) {
      this.events.message(bytes);
      return;
    }
    const whole = this.reassembler.accept(bytes);
    if (whole === TOO_LARGE) this.events.oversized();
    else if (whole) this.events.message(whole);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    try {
      this.channel.close();
    } catch {
      // already closed by the other side
    }
  }
}
