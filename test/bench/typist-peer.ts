// A typist in its own Node process for the rooms bench (part d): it joins an app's room from its
// invite as an honest editor, over real WebRTC (@roamhq/wrtc) with the app's own transport
// (renderer/collab/room-connection.ts), shows a cursor and a typing flag in presence as the app's
// editor does, and types its letter at the end of its line on a steady beat. It stands in for a
// person on another machine: the page it sends to is measured, not this process.
// Driven over IPC by room.bench.ts; argv[2] is the invite, argv[3] the name.
import { performance } from 'node:perf_hooks';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { connectFromInvite, leaveAndExit } from '../integration/collab/invite-connection';

const send = (m: unknown) => process.send?.(m);
if (!process.send) process.exit(2);
process.on('unhandledRejection', (e) => send({ ev: 'error', message: String(e) }));

const name = process.argv[3] ?? 'Typist';
const now = () => performance.timeOrigin + performance.now();

const doc = new Y.Doc();
const files = doc.getMap<Y.Text>('files');
const awareness = new Awareness(doc);
awareness.setLocalState({ user: { name, color: '#56b6c2', role: 'editor' }, activeAt: Date.now() });
let joined: Awaited<ReturnType<typeof connectFromInvite>>;
try {
  joined = await connectFromInvite(process.argv[2] ?? '', name, { doc, awareness });
} catch (error) {
  send({ ev: 'error', message: String(error instanceof Error ? error.message : error) });
  process.exit(3);
}
const { connection } = joined;

function report(): void {
  send({ ev: 'state', role: connection.provider.role(), peers: connection.status().peers, files: [...files.keys()] });
}
doc.on('update', report);
connection.onDidChange(report);
const ticker = setInterval(report, 500);

/** The offset of the end of line `line` (1-based) in `text`. */
function endOfLine(text: Y.Text, line: number): number {
  const lines = text.toString().split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += lines[i]!.length + 1;
  return offset + lines[line - 1]!.length;
}

/** Puts this typist's cursor at `offset` in presence (relative positions, as the app's editor binding does). */
function showCursor(path: string, text: Y.Text, offset: number): void {
  const at = Y.createRelativePositionFromTypeIndex(text, offset);
  awareness.setLocalState({ ...awareness.getLocalState(), activeFile: path, selection: { anchor: at, head: at }, typing: true });
}

async function type(path: string, letter: string, line: number, count: number, gap: number, start: number): Promise<number[]> {
  const text = files.get(path);
  if (!text) throw new Error(`no ${path} in the room`);
  showCursor(path, text, endOfLine(text, line));
  const sent: number[] = [];
  for (let i = 0; i < count; i++) {
    const wait = start + i * gap - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t = now();
    text.insert(endOfLine(text, line), letter);
    sent.push(t);
  }
  awareness.setLocalState({ ...awareness.getLocalState(), typing: false });
  return sent;
}

process.on('message', (m: { cmd: string; path?: string; letter?: string; line?: number; count?: number; gap?: number; start?: number }) => {
  if (m.cmd === 'type') {
    type(m.path!, m.letter!, m.line!, m.count!, m.gap!, m.start!).then(
      (sent) => send({ ev: 'typed', sent }),
      (error: unknown) => send({ ev: 'error', message: String(error) }),
    );
  }
  if (m.cmd === 'text') send({ ev: 'text', path: m.path, text: files.get(m.path!)?.toString() ?? null });
  if (m.cmd === 'stop') {
    clearInterval(ticker);
    leaveAndExit(connection, doc);
  }
});
await connection.ready;
send({ ev: 'ready', key: joined.publicKey });
report();
