import { Emitter } from '../../common/event';
import type { PtyPortBridge } from '../../common/pty-port';
import { decodePtySocketFrame, PTY_SOCKET_PATH, type PtySocketClientFrame } from '../../common/pty-socket';
import type { Disposer } from '../../common/rpc';
import { api } from '../host';

// How a terminal view reaches its pty, never through main's event loop: in Electron, the window's
// own MessagePort to the pty host; in the browser host, a WebSocket that main hands to the pty
// host (common/pty-socket.ts). Resizes go through the contract everywhere: main records them.

declare global {
  interface Window {
    codecrafterPty?: PtyPortBridge;
  }
}

export interface TerminalTransport {
  /** Every terminal's live output (what a share with the room passes on). */
  onData(listener: (event: { id: string; data: string }) => void): Disposer;
  /**
   * A view of terminal `id`: first what the terminal printed lately (a new tab's prompt, or the
   * screen a reloaded page had), then its live output, with nothing lost or repeated between the
   * two. `counted` output is under flow control: the view acknowledges it once drawn.
   */
  attach(id: string, write: (data: string, counted: boolean) => void): Disposer;
  onExit(listener: (event: { id: string; exitCode: number; signal?: number }) => void): Disposer;
  write(id: string, data: string): Promise<void>;
  resize(id: string, cols: number, rows: number): Promise<void>;
  ack(id: string, chars: number): Promise<void>;
  /**
   * Resolves once this page receives every terminal's output: a terminal is opened only after
   * it, so its first bytes (the prompt) are not missed. Rejects with what went wrong.
   */
  connected(): Promise<void>;
}

/**
 * The views of one page, and how each joins a terminal's replay to its live output: output that
 * comes after the view asked and before the replay is in the replay, so it is dropped; from the
 * replay on, output is live. Output of a terminal without a view is drawn by no one here.
 */
class ViewFeed {
  private readonly views = new Map<string, { write: (data: string, counted: boolean) => void; replayed: boolean }>();

  /** `askReplay` sends the request; false when it cannot (then the view starts from live output). */
  attach(id: string, write: (data: string, counted: boolean) => void, askReplay: () => boolean): Disposer {
    const view = { write, replayed: false };
    this.views.set(id, view);
    if (!askReplay()) view.replayed = true;
    return () => {
      if (this.views.get(id) === view) this.views.delete(id);
    };
  }

  data(id: string, data: string): void {
    const view = this.views.get(id);
    if (view?.replayed) view.write(data, true);
  }

  replay(id: string, data: string): void {
    const view = this.views.get(id);
    // A second answer (a view that re-attached asked again) finds the view live already.
    if (!view || view.replayed) return;
    view.replayed = true;
    if (data) view.write(data, false);
  }
}

const viaHost: TerminalTransport = {
  onData: (listener) => api.terminal.onDidData(listener),
  // Main's events carry no replay: the view starts from the live output.
  attach: (id, write) => api.terminal.onDidData((event) => event.id === id && write(event.data, true)),
  onExit: (listener) => api.terminal.onDidExit(listener),
  write: (id, data) => api.terminal.write({ id, data }),
  resize: (id, cols, rows) => api.terminal.resize({ id, cols, rows }),
  ack: (id, chars) => api.terminal.ack({ id, chars }),
  connected: () => Promise.resolve(),
};

/** How long the pty host may take to answer a new terminal socket. */
const SOCKET_CONNECT_TIMEOUT_MS = 15_000;

/**
 * The browser host's terminal socket. It is opened by the first terminal, not at page load (the
 * pty host starts with it), and again by the next terminal after it closed (the pty host was
 * restarted). While it is not open, keystrokes and acknowledgements go through main.
 */
class PtySocketTransport implements TerminalTransport {
  private socket: WebSocket | undefined;
  private opening: Promise<void> | undefined;
  private readonly data = new Emitter<{ id: string; data: string }>();
  private readonly exits = new Emitter<{ id: string; exitCode: number; signal?: number }>();
  private readonly views = new ViewFeed();

  constructor(private readonly url: string) {}

  readonly onData = this.data.event;
  readonly onExit = this.exits.event;

  attach(id: string, write: (data: string, counted: boolean) => void): Disposer {
    return this.views.attach(id, write, () => {
      if (this.socket?.readyState !== WebSocket.OPEN) return false;
      this.socket.send(JSON.stringify({ type: 'replay', id } satisfies PtySocketClientFrame));
      return true;
    });
  }

  connected(): Promise<void> {
    this.opening ??= this.open().catch((error: unknown) => {
      this.opening = undefined;
      throw error;
    });
    return this.opening;
  }

  private open(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const socket = new WebSocket(this.url);
      this.socket = socket;
      let listening = false;
      const timer = setTimeout(() => {
        reject(new Error('the terminal process did not answer in time'));
        socket.close();
      }, SOCKET_CONNECT_TIMEOUT_MS);
      socket.onopen = () => socket.send(JSON.stringify({ type: 'listen' } satisfies PtySocketClientFrame));
      socket.onmessage = (message) => {
        const event = typeof message.data === 'string' ? decodePtySocketFrame(message.data) : undefined;
        if (!event) return console.warn('terminal socket: a frame that is not part of the protocol was dropped');
        if (event.type === 'data') {
          this.views.data(event.id, event.data);
          this.data.fire({ id: event.id, data: event.data });
        } else if (event.type === 'replay') this.views.replay(event.id, event.data);
        else if (event.type === 'exit') this.exits.fire(event.signal === undefined ? { id: event.id, exitCode: event.exitCode } : { id: event.id, exitCode: event.exitCode, signal: event.signal });
        else if (event.type === 'error') console.error(`terminal socket: the terminal process refused a frame: ${event.message}`);
        else if (!listening) {
          listening = true;
          clearTimeout(timer);
          resolve();
        }
      };
      socket.onclose = (event) => {
        clearTimeout(timer);
        if (this.socket === socket) {
          this.socket = undefined;
          this.opening = undefined;
        }
        if (!listening) reject(new Error(`cannot reach the terminal process${event.reason ? ` (${event.reason})` : ''}`));
        // A pty host that ended says so on the contract (onDidHostExit); anything else is worth a line.
        else if (event.code !== 1000 && event.code !== 1006) console.warn(`terminal socket closed: ${event.code} ${event.reason}`);
      };
    });
  }

  private send(frame: PtySocketClientFrame, fallback: () => Promise<void>): Promise<void> {
    if (this.socket?.readyState !== WebSocket.OPEN) return fallback();
    this.socket.send(JSON.stringify(frame));
    return Promise.resolve();
  }

  write(id: string, data: string): Promise<void> {
    return this.send({ type: 'write', id, data }, () => viaHost.write(id, data));
  }

  resize(id: string, cols: number, rows: number): Promise<void> {
    return viaHost.resize(id, cols, rows);
  }

  ack(id: string, chars: number): Promise<void> {
    return this.send({ type: 'ack', id, chars }, () => viaHost.ack(id, chars));
  }
}

function socketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${PTY_SOCKET_PATH}`;
}

function viaPort(port: PtyPortBridge): TerminalTransport {
  // Output and exits come only from the port; input goes through it once main has handed it over.
  const send = (direct: () => void, fallback: () => Promise<void>) => {
    if (!port.ready()) return fallback();
    try {
      direct();
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const views = new ViewFeed();
  port.onDidData((event) => views.data(event.id, event.data));
  port.onDidReplay((event) => views.replay(event.id, event.data));
  return {
    onData: (listener) => port.onDidData(listener),
    onExit: (listener) => port.onDidExit(listener),
    attach: (id, write) =>
      views.attach(id, write, () => {
        if (!port.ready()) return false;
        port.replay(id);
        return true;
      }),
    write: (id, data) => send(() => port.write(id, data), () => viaHost.write(id, data)),
    // Resizes stay with main: they are rare, and main records them for the asciicast.
    resize: viaHost.resize,
    ack: (id, chars) => send(() => port.ack(id, chars), () => viaHost.ack(id, chars)),
    connected: () => Promise.resolve(),
  };
}

export const terminalTransport: TerminalTransport = window.codecrafterPty ? viaPort(window.codecrafterPty) : new PtySocketTransport(socketUrl());

/** Opens a terminal once this page will receive its output (the browser host's socket is up). */
export function openTerminal<T>(create: () => Promise<T>): Promise<T> {
  return terminalTransport.connected().then(create);
}
