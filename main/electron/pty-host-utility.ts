import type { MessagePortMain } from 'electron';
import { PtySocketClientFrameSchema } from '../../common/pty-socket';
import type { PtyHostEvent } from '../terminal/pty-host-protocol';
import { endPtyHost, servePtyHost } from '../terminal/pty-host-server';
import { Emitter } from '../../common/event';
import { WindowPorts } from '../terminal/window-ports';

// Entry of the pty host as an Electron utility process (started by pty-host-starter.ts). Main
// talks over process.parentPort; each window may also hold a MessagePort of its own, which
// receives the same events, so its terminal output does not have to cross main.

/** Each window's newest port; output goes to those whose page said it listens. */
const windowPorts = new WindowPorts<MessagePortMain>();
const parentPort = process.parentPort;
const requests = new Emitter<unknown>();

parentPort.on('message', (event) => {
  const data = event.data as { type?: unknown; windowId?: unknown } | null;
  if (data && data.type === 'attach-window' && typeof data.windowId === 'number' && event.ports[0]) {
    const port = event.ports[0];
    const windowId = data.windowId;
    // A window's own port may listen, write and acknowledge, as a browser page's terminal socket
    // may (common/pty-socket.ts); creating, killing and resizing stay with main.
    // A reloaded page asks for a new port (common/pty-port.ts): it replaces the window's old one.
    windowPorts.attach(windowId, port);
    port.on('message', (portEvent) => {
      // A replaced port's page is gone: what it still sends is not served.
      if (!windowPorts.current(windowId, port)) return;
      const frame = PtySocketClientFrameSchema.safeParse(portEvent.data);
      if (!frame.success) parentPort.postMessage({ type: 'warning', message: `window ${windowId} sent a terminal frame that was refused: ${frame.error.message}` } satisfies PtyHostEvent);
      else if (frame.data.type === 'listen') windowPorts.listen(windowId, port);
      // A view that opens gets the terminal's recent output on its own port, in line with the rest.
      else if (frame.data.type === 'replay') port.postMessage({ type: 'replay', id: frame.data.id, data: sessions.replay(frame.data.id) ?? '' });
      else requests.fire(frame.data);
    });
    port.on('close', () => windowPorts.closed(windowId, port));
    port.start();
    return;
  }
  requests.fire(event.data);
});

const sessions = servePtyHost({
  post(message: PtyHostEvent) {
    parentPort.postMessage(message);
    if (message.type === 'data' || message.type === 'exit') windowPorts.broadcast(message);
  },
  onMessage: (listener) => void requests.event(listener),
});
// Main ends this process with SIGTERM (UtilityProcess.kill) at quit and waits for it: container
// shells are hung up first, as the browser host's child does (Docker would keep them running).
process.on('SIGTERM', endPtyHost(sessions));
