// A candidate in its own Node process joining an app's room from its invite, over real WebRTC
// (@roamhq/wrtc) with the app's own transport (renderer/collab/room-connection.ts) and the app's
// doc schema (a `files` map of Y.Text). It is a modified client: it sends its edits whatever its
// role (sendWithoutRole), as a candidate who patched the app would. Driven over IPC by
// candidate-peers.ts; argv[2] is the invite, argv[3] the name it knocks with.
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { connectFromInvite, leaveAndExit } from '../integration/collab/invite-connection';

const send = (m: unknown) => process.send?.(m);
if (!process.send) process.exit(2);
process.on('unhandledRejection', (e) => send({ ev: 'error', message: String(e) }));

const name = process.argv[3] ?? 'Candidate';

const doc = new Y.Doc();
const files = doc.getMap<Y.Text>('files');
const awareness = new Awareness(doc);
awareness.setLocalState({ user: { name, color: '#e5c07b', role: 'guest' } });
let joined: Awaited<ReturnType<typeof connectFromInvite>>;
try {
  joined = await connectFromInvite(process.argv[2] ?? '', name, { doc, awareness, sendWithoutRole: true });
} catch (error) {
  send({ ev: 'error', message: String(error instanceof Error ? error.message : error) });
  process.exit(3);
}
const { connection } = joined;

function report(): void {
  send({
    ev: 'state',
    key: joined.publicKey,
    role: connection.provider.role(),
    peers: connection.status().peers,
    files: [...files.keys()].sort(),
    sent: connection.stats.docMessages,
  });
}
doc.on('update', report);
connection.onDidChange(report);
const ticker = setInterval(report, 500);

process.on('message', (m: { cmd: string; path?: string; insert?: string; at?: number; content?: string }) => {
  if (m.cmd === 'edit') {
    const text = files.get(m.path!);
    if (text) text.insert(Math.min(m.at ?? 0, text.length), m.insert ?? '');
    else send({ ev: 'error', message: `no ${m.path} in the room` });
  }
  if (m.cmd === 'create') doc.transact(() => files.set(m.path!, new Y.Text(m.content ?? '')));
  if (m.cmd === 'text') send({ ev: 'text', path: m.path, text: files.get(m.path!)?.toString() ?? null });
  if (m.cmd === 'stop') {
    clearInterval(ticker);
    leaveAndExit(connection, doc);
    return;
  }
  report();
});
await connection.ready;
send({ ev: 'ready', key: joined.publicKey });
report();
