import type { Disposer } from './rpc';

// The desktop's direct line from a window to the pty host (issue 10 item 1): Electron's utility
// process hands each window a MessagePort, so terminal output and keystrokes do not queue behind
// main's IPC. The preload keeps the port and exposes these named methods only; the browser host
// has no port and keeps the contract's terminal methods and events through its WebSocket.

/** The IPC channel on which main sends a window its MessagePort. */
export const PTY_PORT_CHANNEL = 'codecrafter:pty-host-port';

/**
 * The IPC channel on which a window's preload asks for a port when its page loads (VS Code's
 * renderer asks for its pty host channel the same way). A reloaded page has lost the port its
 * window was given, so main answers each load with a new one, when a pty host runs; a pty host
 * that starts later sends every window a port by itself.
 */
export const PTY_PORT_REQUEST_CHANNEL = 'codecrafter:pty-host-port-request';

/** What the preload puts on `window.codecrafterPty` (absent in the browser host). */
export interface PtyPortBridge {
  /** True once main has handed this window its port. */
  ready(): boolean;
  /** Each port main hands this window: the first one, and a new one after a pty host restart. */
  onDidConnect(listener: () => void): Disposer;
  onDidData(listener: (event: { id: string; data: string }) => void): Disposer;
  onDidExit(listener: (event: { id: string; exitCode: number; signal?: number }) => void): Disposer;
  /** A terminal's recent output, answering replay() (common/pty-socket.ts has the rules). */
  onDidReplay(listener: (event: { id: string; data: string }) => void): Disposer;
  write(id: string, data: string): void;
  ack(id: string, chars: number): void;
  /** A view of terminal `id` opened: the pty host answers with onDidReplay, in line with its output. */
  replay(id: string): void;
}
