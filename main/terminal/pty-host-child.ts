import { Socket } from 'node:net';
import { Emitter } from '../../common/event';
import { PtySocketHandoffSchema, PtySocketsCloseSchema, type PtyHostEvent } from './pty-host-protocol';
import { endPtyHost, servePtyHost } from './pty-host-server';
import { PtySocketServer } from './pty-socket-server';

// Entry of the pty host as a forked child (the browser host): its IPC channel is the wire. When
// main goes away the channel closes and the ptys go with this process. Main may also hand over
// pages' terminal sockets (a message with the TCP connection as its handle): output then goes
// to those pages straight from here, as the desktop's window ports get it.

if (!process.send) {
  console.error('pty host: start me with child_process.fork (I need an IPC channel).');
  process.exit(2);
}
const requests = new Emitter<unknown>();
const post = (message: PtyHostEvent) => {
  if (process.connected) process.send!(message);
};
const sockets = new PtySocketServer({
  request: (request) => requests.fire(request),
  replay: (id) => sessions.replay(id),
  warn: (message) => post({ type: 'warning', message }),
});
process.on('message', (message: unknown, handle: unknown) => {
  const type = (message as { type?: unknown } | null)?.type;
  if (type === 'close-sockets') {
    const close = PtySocketsCloseSchema.safeParse(message);
    return close.success ? sockets.close(close.data.server) : post({ type: 'rejected', message: `close-sockets: ${close.error.message}` });
  }
  if (type !== 'socket') return requests.fire(message);
  const handoff = PtySocketHandoffSchema.safeParse(message);
  if (handoff.success && handle instanceof Socket) return sockets.adopt(handoff.data, handle);
  if (handle instanceof Socket) handle.destroy();
  post({ type: 'rejected', message: handoff.success ? 'a terminal socket came without its connection' : `a terminal socket handoff was malformed: ${handoff.error.message}` });
});
const sessions = servePtyHost({
  post(message) {
    post(message);
    sockets.post(message);
  },
  onMessage: (listener) => void requests.event(listener),
});
const end = endPtyHost(sessions, () => sockets.close());
process.on('disconnect', end);
process.on('SIGTERM', end);
