// One stock y-webrtc peer in its own process (y-webrtc keeps a process-wide room table, and a
// separate process keeps BroadcastChannel from joining the peers behind the server's back).
// Driven over IPC by yjs-peers.ts: argv = signalling URL, room, password.
import wrtc from '@roamhq/wrtc';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';

const [signalingUrl, room, password] = process.argv.slice(2);
if (!signalingUrl || !room || !password || !process.send) {
  console.error('usage: fork yjs-peer.ts <signalingUrl> <room> <password>');
  process.exit(2);
}
const send = (m: unknown) => process.send?.(m);

const doc = new Y.Doc();
const text = doc.getText('code');
const provider = new WebrtcProvider(room, doc, {
  signaling: [signalingUrl],
  password,
  // Never the library defaults: no public STUN server, loopback only.
  peerOpts: { wrtc, config: { iceServers: [] } },
});

// y-webrtc rejects (unhandled) when a signal cannot be decrypted with our password; a stock
// client shrugs that off in a browser, so report it instead of dying.
process.on('unhandledRejection', (e) => send({ ev: 'error', message: String(e) }));

text.observe(() => send({ ev: 'text', text: text.toString() }));
provider.on('peers', (e: { webrtcPeers: string[] }) => send({ ev: 'peers', webrtcPeers: e.webrtcPeers }));

process.on('message', (m: { cmd: string; index?: number; insert?: string }) => {
  if (m.cmd === 'insert') text.insert(m.index ?? text.length, m.insert ?? '');
  if (m.cmd === 'stop') {
    provider.destroy();
    doc.destroy();
    setTimeout(() => process.exit(0), 100);
  }
});
// y-webrtc opens the room only once the key is derived from the password.
await provider.key;
await new Promise((r) => setTimeout(r, 0));
send({ ev: 'ready', peerId: provider.room?.peerId });
