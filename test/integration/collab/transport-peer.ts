// One room member in its own process (y-webrtc keeps a process-wide room table), using the app's
// own transport module over real WebRTC (@roamhq/wrtc). Driven over IPC by transport-peers.ts:
// argv = signalling URL, room, secret, name.
import wrtc from '@roamhq/wrtc';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { RoomConnection } from '../../../renderer/collab/room-connection';

const [signalUrl, roomId, secret, name] = process.argv.slice(2);
if (!signalUrl || !roomId || !secret || !name || !process.send) {
  console.error('usage: fork transport-peer.ts <signalUrl> <room> <secret> <name>');
  process.exit(2);
}
const send = (m: unknown) => process.send?.(m);
const doc = new Y.Doc();
const text = doc.getText('code');
const awareness = new Awareness(doc);
awareness.setLocalState({ user: { name, color: '#61afef', role: 'guest' } });
const connection = new RoomConnection({ roomId, secret, signalUrl, iceServers: [], doc, awareness, wrtc });
// As in a browser: a signalling message sealed with another secret fails to decrypt, unhandled.
process.on('unhandledRejection', (e) => send({ ev: 'error', message: String(e) }));

const report = () => {
  const names = [...awareness.getStates().entries()]
    .filter(([id]) => id !== doc.clientID)
    .map(([, s]) => (s as { user?: { name?: string } }).user?.name ?? '?');
  send({ ev: 'state', length: text.length, hash: text.toString().slice(-64), peers: connection.status().peers, names, stats: connection.stats });
};
text.observe(report);
awareness.on('change', report);
connection.onDidChange(report);

process.on('message', async (m: { cmd: string; n?: number; gapMs?: number; insert?: string; at?: number }) => {
  if (m.cmd === 'type') {
    // Keystrokes: one transaction per character, as y-monaco makes them.
    for (let i = 0; i < (m.n ?? 0); i++) {
      text.insert(Math.min(m.at ?? text.length, text.length), String.fromCharCode(97 + (i % 26)));
      if (m.gapMs) await new Promise((r) => setTimeout(r, m.gapMs));
    }
    send({ ev: 'typed' });
  }
  if (m.cmd === 'paste') text.insert(Math.min(m.at ?? 0, text.length), m.insert ?? '');
  if (m.cmd === 'offline') connection.goOffline();
  if (m.cmd === 'online') connection.goOnline();
  if (m.cmd === 'text') send({ ev: 'text', text: text.toString() });
  if (m.cmd === 'stop') {
    connection.destroy();
    doc.destroy();
    setTimeout(() => process.exit(0), 100);
  }
  report();
});
await connection.ready;
send({ ev: 'ready' });
report();
