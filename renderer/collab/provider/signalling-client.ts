import { Emitter } from '../../../common/event';
import { backoffDelay } from '../signal-backoff';

// One WebSocket to a signalling server speaking y-webrtc's protocol (signal/protocol.ts):
// `subscribe`/`unsubscribe` topics, `publish` to a topic, `ping` answered by `pong`. Reconnects with
// exponential backoff and a cap (issue 11: lib0's client retried every 0.4-2.5 s forever), offers a
// "retry now", and stops for good when the room ends.

/** A ping goes after this much silence; a socket silent for twice as long is taken as dead. */
const PING_AFTER_MS = 15_000;

export interface PublishFrame {
  topic: string;
  data: unknown;
}

export class SignallingClient {
  private socket: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private lastMessageAt = 0;
  private failures = 0;
  private nextAttemptAt: number | null = null;
  private stopped = true;
  connected = false;
  private readonly topics = new Set<string>();
  private readonly connectEmitter = new Emitter<void>();
  private readonly publishEmitter = new Emitter<PublishFrame>();
  private readonly changeEmitter = new Emitter<void>();
  /** Fires each time the socket (re)opens; the subscriptions are already renewed. */
  readonly onDidConnect = this.connectEmitter.event;
  readonly onPublish = this.publishEmitter.event;
  readonly onDidChange = this.changeEmitter.event;

  constructor(readonly url: string) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  /** Closes the socket and makes no more attempts until `start`. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAttemptAt = null;
    this.closeSocket();
    this.changeEmitter.fire();
  }

  dispose(): void {
    this.stop();
    this.connectEmitter.dispose();
    this.publishEmitter.dispose();
    this.changeEmitter.dispose();
  }

  state(): { failures: number; nextAttemptAt: number | null } {
    return { failures: this.failures, nextAttemptAt: this.nextAttemptAt };
  }

  retryNow(): void {
    if (this.stopped || this.connected || this.socket) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.open();
  }

  subscribe(topic: string): void {
    this.topics.add(topic);
    this.send({ type: 'subscribe', topics: [topic] });
  }

  unsubscribe(topic: string): void {
    this.topics.delete(topic);
    this.send({ type: 'unsubscribe', topics: [topic] });
  }

  publish(topic: string, data: string): void {
    this.send({ type: 'publish', topic, data });
  }

  private send(message: unknown): void {
    if (this.connected && this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private open(): void {
    this.nextAttemptAt = null;
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url);
    } catch (error) {
      console.warn(`signalling: cannot open ${this.url}`, error);
      this.lost();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.connected = true;
      this.failures = 0;
      this.lastMessageAt = Date.now();
      if (this.topics.size) this.send({ type: 'subscribe', topics: [...this.topics] });
      this.pingTimer = setInterval(() => this.keepAlive(), PING_AFTER_MS / 3);
      this.changeEmitter.fire();
      this.connectEmitter.fire();
    };
    socket.onmessage = (event: MessageEvent) => {
      this.lastMessageAt = Date.now();
      let message: { type?: unknown; topic?: unknown; data?: unknown };
      try {
        message = JSON.parse(String(event.data)) as typeof message;
      } catch {
        return; // not ours to fix: the server relays what peers publish
      }
      if (message?.type === 'publish' && typeof message.topic === 'string') this.publishEmitter.fire({ topic: message.topic, data: message.data });
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.lost();
    };
    socket.onerror = () => {
      // onclose follows and schedules the next attempt; the browser already logged the failure.
    };
  }

  private keepAlive(): void {
    const silent = Date.now() - this.lastMessageAt;
    if (silent > PING_AFTER_MS * 2) {
      this.socket?.close();
      this.lost();
    } else if (silent > PING_AFTER_MS) this.send({ type: 'ping' });
  }

  private closeSocket(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
    const socket = this.socket;
    this.socket = null;
    this.connected = false;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      socket.close();
    }
  }

  private lost(): void {
    this.closeSocket();
    if (this.stopped) return;
    this.failures++;
    const delay = backoffDelay(this.failures);
    this.nextAttemptAt = Date.now() + delay;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.open();
    }, delay);
    this.changeEmitter.fire();
  }
}
