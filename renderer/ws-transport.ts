import { ErrorCode } from '../common/errors';
import type { CallResult, ClientTransport, Disposer } from '../common/rpc';
import { ServerFrameSchema, WIRE_SOCKET_PATH, type ClientFrame } from '../common/wire';
import { Emitter, KeyedEmitter } from '../common/event';

/** Milliseconds between reconnect attempts after the host went away. */
const RECONNECT_DELAY_MS = 1000;

export type ConnectionState = 'connecting' | 'open' | 'closed';

/**
 * The browser host's side of the contract: one WebSocket to the page's own origin (the token
 * travels in the HttpOnly cookie the host set). Calls made while reconnecting wait for the socket;
 * subscriptions are renewed on every reconnect.
 */
export class WebSocketTransport implements ClientTransport {
  private socket: WebSocket | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (result: CallResult) => void>();
  // The host is asked for a channel's events while someone here listens to it, and no longer.
  private readonly listeners = new KeyedEmitter<unknown>({
    onFirstListener: (channel) => this.send({ t: 'sub', ch: channel }),
    onLastListener: (channel) => this.send({ t: 'unsub', ch: channel }),
  });
  private readonly queue: ClientFrame[] = [];
  private readonly stateEmitter = new Emitter<ConnectionState>();
  state: ConnectionState = 'connecting';

  constructor(private readonly url = WebSocketTransport.defaultUrl()) {
    this.connect();
  }

  static defaultUrl(): string {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${location.host}${WIRE_SOCKET_PATH}`;
  }

  readonly onDidChangeState = this.stateEmitter.event;

  private setState(state: ConnectionState): void {
    this.state = state;
    this.stateEmitter.fire(state);
  }

  private connect(): void {
    this.setState('connecting');
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.setState('open');
      for (const channel of this.listeners.keys()) this.send({ t: 'sub', ch: channel });
      for (const frame of this.queue.splice(0)) this.send(frame);
    };
    socket.onmessage = (message) => this.receive(message.data);
    socket.onclose = () => {
      this.setState('closed');
      // Calls in flight will never be answered by this socket.
      for (const [id, resolve] of this.pending) {
        resolve({ ok: false, error: { code: ErrorCode.Unavailable, message: 'The connection to the host was lost; retrying.' } });
        this.pending.delete(id);
      }
      setTimeout(() => this.connect(), RECONNECT_DELAY_MS);
    };
  }

  private send(frame: ClientFrame): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
    else if (frame.t !== 'sub') this.queue.push(frame);
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch (error) {
      // Console only: sending it to the log would go over this very socket (and renderer/log.ts
      // imports this transport through host.ts).
      console.warn('host connection: a frame was not JSON; dropped', error);
      return;
    }
    const parsed = ServerFrameSchema.safeParse(raw);
    if (!parsed.success) {
      console.warn('host connection: a frame did not match the protocol; dropped', parsed.error.issues.slice(0, 3));
      return;
    }
    const frame = parsed.data;
    if (frame.t === 'result' || (frame.t === 'error' && frame.id !== null)) {
      const resolve = this.pending.get(frame.id as number);
      if (!resolve) return;
      this.pending.delete(frame.id as number);
      resolve(
        frame.t === 'result'
          ? { ok: true, value: frame.value }
          : { ok: false, error: { code: frame.error.code as ErrorCode, message: frame.error.message, details: frame.error.details } },
      );
    } else if (frame.t === 'event') {
      this.listeners.fire(frame.ch, frame.payload);
    } else if (frame.t === 'error') {
      console.warn(`host: ${frame.error.message}`);
    }
  }

  request(channel: string, arg: unknown): Promise<CallResult> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ t: 'call', id, ch: channel, arg });
    });
  }

  subscribe(channel: string, listener: (payload: unknown) => void): Disposer {
    return this.listeners.on(channel, listener);
  }
}
