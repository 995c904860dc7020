// Reconnecting to a signalling server that is gone (issue 11). lib0's WebsocketClient, which
// y-webrtc's SignalingConn extends, retries every 0.4-2.5 s forever: 17 refused connections in
// 20 s once a host stopped. This takes its reconnects over: exponential backoff with a cap, a
// "retry now", and a stop for a room that ended.

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 30_000;

/** The wait before attempt number `failures` + 1: 1 s, 2 s, 4 s … up to the cap. */
export function backoffDelay(failures: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
}

/** The parts of lib0's WebsocketClient this relies on (lib0/websocket.js; not in y-webrtc's typings). */
export interface ReconnectingSocket {
  ws: unknown;
  shouldConnect: boolean;
  connected: boolean;
  connect(): void;
  on(event: 'connect', listener: () => void): void;
  off(event: 'connect', listener: () => void): void;
}

export interface BackoffState {
  /** Connection attempts that failed (or connections that dropped) since the last success. */
  failures: number;
  /** When the next attempt starts (ms since the epoch), or null when none is scheduled. */
  nextAttemptAt: number | null;
}

/**
 * lib0 clears `ws` when a socket closes and then schedules its own reconnect, which only goes
 * ahead while `shouldConnect` holds. Catching that moment, turning `shouldConnect` off and
 * scheduling our own `connect()` puts the wait under our control without forking either library.
 */
export class SignalBackoff {
  private failures = 0;
  private nextAttemptAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly onConnect = () => {
    this.failures = 0;
    this.nextAttemptAt = null;
    this.onChange();
  };

  constructor(
    private readonly socket: ReconnectingSocket,
    private readonly onChange: () => void,
    private readonly now: () => number = Date.now,
  ) {
    let current = socket.ws;
    Object.defineProperty(socket, 'ws', {
      configurable: true,
      enumerable: true,
      get: () => current,
      set: (value: unknown) => {
        current = value;
        // lib0 sets null on close; shouldConnect is false when y-webrtc or we closed it on purpose.
        if (value === null && socket.shouldConnect) this.closedUnexpectedly();
      },
    });
    socket.on('connect', this.onConnect);
  }

  state(): BackoffState {
    return { failures: this.failures, nextAttemptAt: this.nextAttemptAt };
  }

  private closedUnexpectedly(): void {
    this.socket.shouldConnect = false;
    if (this.stopped) return;
    this.failures++;
    this.schedule(backoffDelay(this.failures));
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.nextAttemptAt = this.now() + delay;
    this.timer = setTimeout(() => this.attempt(), delay);
    this.onChange();
  }

  private attempt(): void {
    this.timer = null;
    this.nextAttemptAt = null;
    if (this.stopped) return;
    this.socket.connect();
    this.onChange();
  }

  /** The user asked: try at once instead of waiting out the backoff. */
  retryNow(): void {
    if (this.stopped || this.socket.connected) return;
    if (this.timer) clearTimeout(this.timer);
    this.attempt();
  }

  /** No more attempts (the room ended or the connection is being destroyed). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAttemptAt = null;
    this.socket.off('connect', this.onConnect);
  }
}
