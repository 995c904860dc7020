import type { PtyHostEvent } from './pty-host-protocol';
import { servePtyHost } from './pty-host-server';

// Entry of the pty host as a forked child (the browser host): its IPC channel is the wire. When
// main goes away the channel closes and the ptys go with this process.

if (!process.send) {
  console.error('pty host: start me with child_process.fork (I need an IPC channel).');
  process.exit(2);
}
const sessions = servePtyHost({
  post: (message: PtyHostEvent) => {
    if (process.connected) process.send!(message);
  },
  onMessage: (listener) => process.on('message', listener),
});
process.on('disconnect', () => {
  sessions.dispose();
  process.exit(0);
});
