// Child process for crash.test.ts: types into a recorded doc forever and prints `ack <seq>` after
// each commit. The parent kills it with SIGKILL and checks every acknowledged edit survived.
import * as Y from 'yjs';
import { HistoryStore } from '../../../main/history';
import { editAt } from './crash-edits';

const [dbFile, seedText] = process.argv.slice(2);
const store = HistoryStore.open(dbFile!);
const recorder = store.startSession({ workspaceId: 'crash', kind: 'solo' }, { flushIntervalMs: 5, maxBatch: 64 });
const doc = new Y.Doc();
recorder.attach(doc, { authorOf: () => 'typist' });
recorder.onDurable((seq) => process.stdout.write(`ack ${seq}\n`));
process.stdout.write(`session ${recorder.sessionId}\n`);

const text = new Y.Text();
doc.getMap('files').set('main.py', text); // seq 1
let k = 0;
const seed = Number(seedText);
function typeSome(): void {
  for (let i = 0; i < 10; i++) {
    const e = editAt(seed, k++, text.length);
    if (e.del) text.delete(e.pos, e.del);
    else text.insert(e.pos, e.ins);
  }
  if (k % 200 === 0) recorder.recordEvent({ kind: 'chat', author: 'typist', messageId: `m${k}`, text: `at ${k}` });
  setImmediate(typeSome);
}
typeSome();
