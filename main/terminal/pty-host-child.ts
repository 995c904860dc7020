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
// Shells in a room container outlive a dead Docker client (Docker has no exec kill), so they are
// hung up from inside before this process ends (it ends as soon as they are). Each hang-up is two
// round trips to dockerd, which a loaded machine answered in more than 3 s: up to 10 s.
const EXIT_GRACE_MS = 10_000;
let ending = false;
function end(): void {
  if (ending) return;
  ending = true;
  setTimeout(() => process.exit(0), EXIT_GRACE_MS).unref();
  void sessions.dispose().finally(() => process.exit(0));
}
process.on('disconnect', end);
process.on('SIGTERM', end);
