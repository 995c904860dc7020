import { fork } from 'node:child_process';
import type { Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PtyHostEvent, PtyHostRequest, PtySocketHandoff, PtySocketsClose } from './pty-host-protocol';

/** Main's handle on a running pty host process, whichever way it was started. */
export interface PtyHostConnection {
  readonly pid: number | undefined;
  send(request: PtyHostRequest): void;
  onMessage(listener: (message: PtyHostEvent) => void): void;
  /** Called once when the process is gone, with how it ended ("killed by SIGKILL"). */
  onExit(listener: (how: string) => void): void;
  kill(): void;
  /**
   * Hands a page's terminal socket (checked by main) to the pty host, connection and all; absent
   * where windows have a port of their own instead (Electron's utility process).
   */
  adoptSocket?(handoff: PtySocketHandoff, socket: Socket): void;
  /** Closes the sockets one server handed over (the server is stopping). */
  closeSockets?(request: PtySocketsClose): void;
}

export type PtyHostStarter = () => PtyHostConnection;

/**
 * The browser host's pty host: a child process with an IPC channel. Bundled, it is dist/pty-host.mjs
 * beside dist/cli.mjs; from source (tests, tsx) the TypeScript entry runs under tsx.
 */
export const forkPtyHost: PtyHostStarter = () => {
  const here = fileURLToPath(import.meta.url);
  const fromSource = here.endsWith('.ts');
  const entry = fromSource ? path.join(path.dirname(here), 'pty-host-child.ts') : path.join(path.dirname(here), 'pty-host.mjs');
  const child = fork(entry, [], {
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Structured clone keeps large strings cheaper to carry than JSON with its escaping.
    serialization: 'advanced',
  });
  return {
    get pid() {
      return child.pid;
    },
    send: (request) => {
      if (child.connected) child.send(request);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as PtyHostEvent)),
    onExit: (listener) => {
      let reported = false;
      const report = (how: string) => {
        if (reported) return;
        reported = true;
        listener(how);
      };
      child.once('exit', (code, signal) => report(signal ? `killed by ${signal}` : `exited with code ${code}`));
      child.once('error', (error) => report(`could not run: ${error.message}`));
    },
    kill: () => child.kill(),
    adoptSocket: (handoff, socket) => {
      if (!child.connected) return void socket.destroy();
      // Sent, the connection is closed on this side; the pty host holds the only copy.
      child.send(handoff, socket, (error) => {
        if (error) socket.destroy();
      });
    },
    closeSockets: (request) => {
      if (child.connected) child.send(request);
    },
  };
};
