import type { Disposer } from './rpc';

// The desktop's direct line from a window to the pty host (issue 10 item 1): Electron's utility
// process hands each window a MessagePort, so terminal output and keystrokes do not queue behind
// main's IPC. The preload keeps the port and exposes these named methods only; the browser host
// has no port and keeps the contract's terminal methods and events through its WebSocket.

/** The IPC channel on which main sends a window its MessagePort. */
export const PTY_PORT_CHANNEL = 'codecrafter:pty-host-port';

/** What the preload puts on `window.codecrafterPty` (absent in the browser host). */
export interface PtyPortBridge {
  /** True once main has handed this window its port. */
  ready(): boolean;
  onDidData(listener: (event: { id: string; data: string }) => void): Disposer;
  onDidExit(listener: (event: { id: string; exitCode: number; signal?: number }) => void): Disposer;
  /** A terminal's recent output, answering replay() (common/pty-socket.ts has the rules). */
  onDidReplay(listener: (event: { id: string; data: string }) => void): Disposer;
  write(id: string, data: string): void;
  ack(id: string, chars: number): void;
  /** A view of terminal `id` opened: the pty host answers with onDidReplay, in line with its output. */
  replay(id: string): void;
}
