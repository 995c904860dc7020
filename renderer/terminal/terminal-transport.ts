import { Emitter } from '../../common/event';
import type { PtyPortBridge } from '../../common/pty-port';
import { decodePtySocketFrame, PTY_SOCKET_PATH, type PtySocketClientFrame } from '../../common/pty-socket';
import type { Disposer } from '../../common/rpc';
import { api } from '../host';
import { portTransport, ViewFeed, type TerminalTransport } from './port-transport';

export type { TerminalTransport };

// How a terminal view reaches its pty, never through main's event loop: in Electron, the window's
// own MessagePort to the pty host; in the browser host, a WebSocket that main hands to the pty
// host (common/pty-socket.ts). Resizes go through the contract everywhere: main records them.

declare global {
  interface Window {
    codecrafterPty?: PtyPortBridge;
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
    return this.views.attach(id, write, () => this.askReplay(id));
  }

  private askReplay(id: string): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify({ type: 'replay', id } satisfies PtySocketClientFrame));
    return true;
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
          this.views.connected((id) => this.askReplay(id));
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

export const terminalTransport: TerminalTransport = window.codecrafterPty ? portTransport(window.codecrafterPty, viaHost) : new PtySocketTransport(socketUrl());

/** Opens a terminal once this page will receive its output (the browser host's socket is up). */
export function openTerminal<T>(create: () => Promise<T>): Promise<T> {
  return terminalTransport.connected().then(create);
}
