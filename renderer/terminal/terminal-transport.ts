import type { PtyPortBridge } from '../../common/pty-port';
import type { Disposer } from '../../common/rpc';
import { api } from '../host';

// How a terminal view reaches its pty: in Electron, the window's own MessagePort to the pty host
// (output and keystrokes skip main's IPC); in the browser host, the contract's terminal methods
// and events over the WebSocket, unchanged.

declare global {
  interface Window {
    codecrafterPty?: PtyPortBridge;
  }
}

export interface TerminalTransport {
  onData(listener: (event: { id: string; data: string }) => void): Disposer;
  onExit(listener: (event: { id: string; exitCode: number; signal?: number }) => void): Disposer;
  write(id: string, data: string): Promise<void>;
  resize(id: string, cols: number, rows: number): Promise<void>;
  ack(id: string, chars: number): Promise<void>;
}

const viaHost: TerminalTransport = {
  onData: (listener) => api.terminal.onDidData(listener),
  onExit: (listener) => api.terminal.onDidExit(listener),
  write: (id, data) => api.terminal.write({ id, data }),
  resize: (id, cols, rows) => api.terminal.resize({ id, cols, rows }),
  ack: (id, chars) => api.terminal.ack({ id, chars }),
};

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
  return {
    onData: (listener) => port.onDidData(listener),
    onExit: (listener) => port.onDidExit(listener),
    write: (id, data) => send(() => port.write(id, data), () => viaHost.write(id, data)),
    // Resizes stay with main: they are rare, and main records them for the asciicast.
    resize: viaHost.resize,
    ack: (id, chars) => send(() => port.ack(id, chars), () => viaHost.ack(id, chars)),
  };
}

export const terminalTransport: TerminalTransport = window.codecrafterPty ? viaPort(window.codecrafterPty) : viaHost;
