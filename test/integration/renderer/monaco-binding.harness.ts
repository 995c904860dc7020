// Runs in Chromium (bundled by monaco-binding.test.ts): real Monaco editors and models bound to
// real Y.Docs by renderer/collab/monaco-binding.ts. Each scenario returns what it saw, for the
// test to check; nothing here asserts.
import * as monaco from 'monaco-editor';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MonacoBinding } from '../../../renderer/collab/monaco-binding';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const frames = async (n: number) => {
  for (let i = 0; i < n; i++) await frame();
};

/** A window: a doc, its awareness, an editor showing `text`'s model, bound. */
function window_(clientId: number, initial = 'line 1\nline 2\nline 3\n') {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const text = doc.getText('code');
  if (initial) text.insert(0, initial);
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: { name: `c${clientId}` } });
  const host = document.createElement('div');
  host.style.cssText = 'width: 600px; height: 300px';
  document.body.appendChild(host);
  const model = monaco.editor.createModel(text.toString(), 'plaintext');
  model.setEOL(monaco.editor.EndOfLineSequence.LF);
  const editor = monaco.editor.create(host, { model, automaticLayout: false });
  const binding = new MonacoBinding(text, model, editor, awareness);
  const contentEvents: monaco.editor.IModelContentChangedEvent[] = [];
  model.onDidChangeContent((e) => contentEvents.push(e));
  // The binding's paints: its calls of the model's deltaDecorations.
  let decorationChanges = 0;
  const delta = model.deltaDecorations.bind(model);
  model.deltaDecorations = (...args: Parameters<typeof delta>) => {
    decorationChanges++;
    return delta(...args);
  };
  return {
    doc,
    text,
    awareness,
    model,
    editor,
    binding,
    contentEvents,
    decorationChanges: () => decorationChanges,
    dispose() {
      binding.destroy();
      editor.dispose();
      model.dispose();
      host.remove();
    },
  };
}

/** A peer's doc synced with `from`; its updates are collected for the test to deliver. */
function peerOf(from: Y.Doc, clientId: number) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'delivered' && updates.push(u));
  return { doc, text: doc.getText('code'), updates };
}

/** Delivers `updates` to `doc` in one transaction, as the room provider's batches do. */
function deliver(doc: Y.Doc, updates: Uint8Array[]) {
  Y.transact(doc, () => updates.splice(0).forEach((u) => Y.applyUpdate(doc, u, 'delivered')), 'peers', false);
}

const selections = (editor: monaco.editor.ICodeEditor) => editor.getSelections()!.map((s) => [s.selectionStartLineNumber, s.selectionStartColumn, s.positionLineNumber, s.positionColumn]);

export const scenarios = {
  /** Three peers' edits arriving in one transaction. */
  async oneEditPerTransaction() {
    const w = window_(1);
    const [b, c, d] = [peerOf(w.doc, 2), peerOf(w.doc, 3), peerOf(w.doc, 4)];
    b.text.insert(6, ' typed by b');
    c.text.delete(7, 6); // "line 2"
    d.text.insert(20, '!'); // end of line 3
    deliver(w.doc, [...b.updates, ...c.updates, ...d.updates]);
    const result = {
      modelText: w.model.getValue(),
      docText: w.text.toString(),
      contentEvents: w.contentEvents.length,
      changesInTheEvent: w.contentEvents[0]?.changes.length ?? 0,
    };
    w.dispose();
    return result;
  },

  /** Typing and a multi-cursor edit in Monaco reach the Y.Text, as the binding's transactions. */
  async localEdits() {
    const w = window_(1);
    const origins: unknown[] = [];
    w.doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    w.editor.setSelections([new monaco.Selection(1, 7, 1, 7), new monaco.Selection(3, 1, 3, 5)]);
    w.editor.trigger('test', 'type', { text: 'Q' });
    w.editor.executeEdits('test', [
      { range: new monaco.Range(2, 1, 2, 1), text: '>> ' },
      { range: new monaco.Range(2, 6, 2, 7), text: 'X\nnew line ' },
    ]);
    const typed = { modelText: w.model.getValue(), docText: w.text.toString(), allFromBinding: origins.every((o) => o === w.binding), transactions: origins.length };
    // Undo of this window's edit (a Y.UndoManager on the binding, as editor-link.ts makes) reaches the model.
    const undo = new Y.UndoManager(w.text, { trackedOrigins: new Set([w.binding]) });
    w.editor.setPosition({ lineNumber: 1, column: 1 });
    w.editor.trigger('test', 'type', { text: 'Z' });
    const withZ = w.model.getValue();
    undo.undo();
    const result = { ...typed, withZ, undoneModel: w.model.getValue(), undoneDoc: w.text.toString() };
    w.dispose();
    return result;
  },

  /** Where this window's cursors go when peers' text lands before, at and after them. */
  async cursorsFollowTheText() {
    const w = window_(1);
    const b = peerOf(w.doc, 2);
    w.editor.setSelections([new monaco.Selection(2, 3, 2, 3), new monaco.Selection(3, 2, 3, 5)]);
    b.text.insert(7, 'ZZ'); // start of line 2: before the first cursor
    deliver(w.doc, b.updates);
    const afterBefore = selections(w.editor);
    b.text.insert(11, '@'); // at the first cursor (line 2, column 5 now): it moves past the text, as Yjs's positions do
    b.text.insert(b.text.length - 1, '#'); // end of line 3: after the second selection
    deliver(w.doc, b.updates);
    const afterAt = selections(w.editor);
    w.dispose();
    return { afterBefore, afterAt };
  },

  /**
   * A peer's cursor: painted with its classes, carried along by its own typing without a repaint,
   * and painted once per frame however many awareness changes the frame saw.
   */
  async remoteCursors() {
    const w = window_(1);
    const b = peerOf(w.doc, 2);
    const bAwareness = new Awareness(b.doc);
    const sendAwareness = () => applyAwarenessUpdate(w.awareness, encodeAwarenessUpdate(bAwareness, [2]), 'peer');
    const setCursor = (index: number) => {
      const at = Y.createRelativePositionFromTypeIndex(b.text, index);
      bAwareness.setLocalState({ user: { name: 'b' }, selection: { anchor: at, head: at } });
      sendAwareness();
    };
    setCursor(13); // end of line 2
    await frames(2);
    const painted = () =>
      w.model
        .getAllDecorations()
        .filter((d) => d.options.className?.includes('yRemoteSelection-2'))
        .map((d) => ({ range: [d.range.startLineNumber, d.range.startColumn, d.range.endLineNumber, d.range.endColumn], className: d.options.className, after: d.options.afterContentClassName }));
    const first = painted();
    // b types three letters at its cursor, sending its text and then its moved cursor each time.
    const before = w.decorationChanges();
    for (let i = 0; i < 3; i++) {
      b.text.insert(13 + i, 'k');
      deliver(w.doc, b.updates);
      setCursor(14 + i);
      await frames(1);
    }
    await frames(1);
    const whileTyping = { paints: w.decorationChanges() - before, painted: painted() };
    // Twenty cursor moves within one frame.
    const stormBefore = w.decorationChanges();
    for (let i = 0; i < 20; i++) setCursor(i);
    await frames(2);
    const storm = { paints: w.decorationChanges() - stormBefore, painted: painted() };
    // The peer leaves: its cursor goes.
    bAwareness.setLocalState(null);
    sendAwareness();
    await frames(2);
    const gone = painted().length;
    w.dispose();
    return { first, whileTyping, storm, gone };
  },

  /** This window's selection goes to awareness when it moves in the text, not when only its offset does. */
  async publishesSelection() {
    const w = window_(1);
    const b = peerOf(w.doc, 2);
    let published = 0;
    w.awareness.on('update', ({ updated }: { updated: number[] }) => updated.includes(1) && published++);
    w.editor.setSelection(new monaco.Selection(2, 4, 2, 4));
    const afterMove = published;
    const state = () => {
      const s = (w.awareness.getLocalState() as { selection: { anchor: unknown; head: unknown } }).selection;
      return [Y.createAbsolutePositionFromRelativePosition(s.anchor as Y.RelativePosition, w.doc)?.index, Y.createAbsolutePositionFromRelativePosition(s.head as Y.RelativePosition, w.doc)?.index];
    };
    const where = state();
    b.text.insert(7, 'peer text '); // before the cursor on its line: its column changes, its place does not
    b.text.insert(0, 'and more\n');
    deliver(w.doc, b.updates);
    const afterPeer = published;
    const column = w.editor.getPosition()!.column;
    w.editor.setSelection(new monaco.Selection(1, 1, 3, 2));
    const afterSelect = published;
    w.dispose();
    return { afterMove, where, afterPeer, column, afterSelect };
  },

  /** Two windows editing at once, their updates crossing in batches of any size (seeded). */
  async converges(seed: number) {
    let state = seed;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const a = window_(1);
    const b = window_(2, '');
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    const outbox = { a: [] as Uint8Array[], b: [] as Uint8Array[] };
    a.doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peers' && outbox.a.push(u));
    b.doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peers' && outbox.b.push(u));
    const deliverSome = (from: Uint8Array[], to: Y.Doc) => {
      const n = Math.floor(random() * (from.length + 1));
      if (n) Y.transact(to, () => from.splice(0, n).forEach((u) => Y.applyUpdate(to, u)), 'peers', false);
    };
    for (let step = 0; step < 400; step++) {
      const w = random() < 0.5 ? a : b;
      const model = w.model;
      const length = model.getValueLength();
      const at = model.getPositionAt(Math.floor(random() * (length + 1)));
      const roll = random();
      if (roll < 0.55) w.editor.executeEdits('test', [{ range: new monaco.Range(at.lineNumber, at.column, at.lineNumber, at.column), text: random() < 0.15 ? '\n' : 'xyz'[Math.floor(random() * 3)]! }]);
      else if (roll < 0.8 && length > 0) {
        const end = model.getPositionAt(Math.min(length, model.getOffsetAt(at) + 1 + Math.floor(random() * 4)));
        w.editor.executeEdits('test', [{ range: new monaco.Range(at.lineNumber, at.column, end.lineNumber, end.column), text: random() < 0.5 ? '' : 'r' }]);
      } else if (roll < 0.9) {
        // Two cursors typing at once.
        const other = model.getPositionAt(Math.floor(random() * (length + 1)));
        w.editor.setSelections([new monaco.Selection(at.lineNumber, at.column, at.lineNumber, at.column), new monaco.Selection(other.lineNumber, other.column, other.lineNumber, other.column)]);
        w.editor.trigger('test', 'type', { text: 'm' });
      } else {
        deliverSome(outbox.a, b.doc);
        deliverSome(outbox.b, a.doc);
      }
    }
    Y.transact(b.doc, () => outbox.a.splice(0).forEach((u) => Y.applyUpdate(b.doc, u)), 'peers', false);
    Y.transact(a.doc, () => outbox.b.splice(0).forEach((u) => Y.applyUpdate(a.doc, u)), 'peers', false);
    const result = { a: a.model.getValue(), b: b.model.getValue(), aDoc: a.text.toString(), bDoc: b.text.toString() };
    a.dispose();
    b.dispose();
    return result;
  },

  /** After destroy the model and the text go their own ways, and the peers' cursors are gone. */
  async destroy() {
    const w = window_(1);
    const b = peerOf(w.doc, 2);
    const bAwareness = new Awareness(b.doc);
    const at = Y.createRelativePositionFromTypeIndex(b.text, 3);
    bAwareness.setLocalState({ user: { name: 'b' }, selection: { anchor: at, head: at } });
    applyAwarenessUpdate(w.awareness, encodeAwarenessUpdate(bAwareness, [2]), 'peer');
    await frames(2);
    const cursorsBefore = w.model.getAllDecorations().filter((d) => d.options.className?.includes('yRemoteSelection')).length;
    w.binding.destroy();
    const cursorsAfter = w.model.getAllDecorations().filter((d) => d.options.className?.includes('yRemoteSelection')).length;
    w.text.insert(0, 'doc only ');
    w.model.applyEdits([{ range: new monaco.Range(3, 1, 3, 1), text: 'model only ' }]);
    const result = { cursorsBefore, cursorsAfter, modelText: w.model.getValue(), docText: w.text.toString() };
    w.editor.dispose();
    w.model.dispose();
    return result;
  },
};

(window as unknown as { scenarios: typeof scenarios }).scenarios = scenarios;
