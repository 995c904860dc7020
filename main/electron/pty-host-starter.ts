import { MessageChannelMain, utilityProcess, type MessagePortMain, type WebContents } from 'electron';
import { PTY_PORT_CHANNEL } from '../../common/pty-port';
import type { PtyHostConnection } from '../terminal/pty-host-fork';
import type { PtyHostEvent } from '../terminal/pty-host-protocol';
import { Emitter } from '../../common/event';

export { PTY_PORT_CHANNEL };

/**
 * The desktop's pty host: node-pty in an Electron utility process (VS Code's
 * electronPtyHostStarter), so terminal bytes never wait behind main's SQLite commits or Docker
 * streams. Main keeps its control channel (create, kill, errors) over the process's parentPort.
 */
export function startUtilityPtyHost(entry: string): PtyHostConnection & { attachWindow(contents: WebContents): void } {
  const child = utilityProcess.fork(entry, [], { serviceName: 'CodeCrafter Terminals', stdio: 'inherit' });
  const exits = new Emitter<string>();
  /** Main's end of each window's current port, by webContents id. */
  const windowPorts = new Map<number, MessagePortMain>();
  let exited = false;
  child.once('exit', (code) => {
    exited = true;
    exits.fire(code === 0 ? 'exited' : `exited with code ${code}`);
  });
  return {
    get pid() {
      return child.pid;
    },
    send: (request) => {
      if (!exited) child.postMessage(request);
    },
    onMessage: (listener) => child.on('message', (message: unknown) => listener(message as PtyHostEvent)),
    onExit: (listener) => void exits.event(listener),
    kill: () => void child.kill(),
    /**
     * One MessagePort per window, straight to the pty host: the window's terminal output and
     * keystrokes can then bypass main entirely. The preload keeps the port and exposes named
     * methods for it (window.codecrafterPty, common/pty-port.ts).
     */
    attachWindow(contents) {
      if (exited || contents.isDestroyed()) return;
      const { port1, port2 } = new MessageChannelMain();
      child.postMessage({ type: 'attach-window', windowId: contents.id }, [port1]);
      contents.postMessage(PTY_PORT_CHANNEL, null, [port2]);
      // A window asks again on each load (a reload): its previous port is replaced, and closed.
      const previous = windowPorts.get(contents.id);
      windowPorts.set(contents.id, port2);
      previous?.close();
      if (!previous) {
        contents.once('destroyed', () => {
          windowPorts.get(contents.id)?.close();
          windowPorts.delete(contents.id);
        });
      }
    },
  };
}
