import * as monaco from 'monaco-editor';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

// Binds a Monaco model to a Y.Text (issue 8, "five peers typing"), on Monaco's and Yjs's public
// APIs. It replaces y-monaco's MonacoBinding, whose two costs showed in a profile of five people
// typing: it applies a Yjs event's delta one op at a time (one Monaco edit, content event, view
// update and worker sync per op, even when the room provider hands it many peers' keystrokes in
// one transaction), and it repaints every remote cursor on each awareness change. Here:
// - one Yjs event is one Monaco edit (all its ops, in one applyEdits);
// - remote cursors are painted at most once per animation frame, and not at all when nothing moved;
// - the selection goes to awareness only when its relative position changed.
// What peers see stays y-monaco's: the `selection` awareness field ({ anchor, head } relative
// positions) and the yRemoteSelection / yRemoteSelectionHead classes that presence.ts colours.

/** A selection as awareness carries it: relative positions, JSON-encoded between peers. */
interface AwarenessSelection {
  anchor: Y.RelativePosition;
  head: Y.RelativePosition;
}

/** One replacement in the text before an event: [start, end) becomes `text`. */
interface TextReplacement {
  start: number;
  end: number;
  text: string;
}

/**
 * A Yjs delta as replacements in the text before it (ascending, never touching: neighbouring
 * deletes and inserts are merged). An embed (a non-text insert, which our clients never make)
 * counts as the one character Yjs counts it as.
 */
function deltaToReplacements(delta: Y.YTextEvent['delta']): TextReplacement[] {
  const out: TextReplacement[] = [];
  let at = 0;
  const add = (start: number, end: number, text: string) => {
    const last = out[out.length - 1];
    if (last && last.end === start) {
      last.end = end;
      last.text += text;
    } else out.push({ start, end, text });
  };
  for (const op of delta) {
    if (op.retain !== undefined) at += op.retain;
    else if (op.delete !== undefined) {
      add(at, at + op.delete, '');
      at += op.delete;
    } else if (op.insert !== undefined) add(at, at, typeof op.insert === 'string' ? op.insert : '\uFFFC');
  }
  return out;
}

/**
 * Where an offset in the text before `replacements` lands after them, as a Yjs relative position
 * (right association) would: text inserted at the offset goes before it, a deleted offset goes to
 * where the deletion was.
 */
function mapOffset(offset: number, replacements: readonly TextReplacement[]): number {
  let shift = 0;
  for (const r of replacements) {
    if (r.start > offset) break;
    if (r.end <= offset) shift += r.text.length - (r.end - r.start);
    else return r.start + shift + r.text.length;
  }
  return offset + shift;
}

interface PaintedCursor {
  clientId: number;
  forward: boolean;
  range: monaco.Range;
}

export class MonacoBinding {
  readonly doc: Y.Doc;
  /** Remote cursors painted on the model, and their decoration ids (in the same order). */
  private painted: PaintedCursor[] = [];
  private paintedIds: string[] = [];
  private paintFrame: number | null = null;
  private applyingRemote = false;
  private readonly disposables: monaco.IDisposable[] = [];
  private destroyed = false;

  constructor(
    readonly text: Y.Text,
    readonly model: monaco.editor.ITextModel,
    readonly editor: monaco.editor.ICodeEditor,
    readonly awareness: Awareness | null,
  ) {
    if (!text.doc) throw new Error('MonacoBinding: the Y.Text is not in a document');
    this.doc = text.doc;
    const value = text.toString();
    if (model.getValue() !== value) model.setValue(value);
    text.observe(this.onTextEvent);
    this.disposables.push(
      model.onDidChangeContent(this.onModelChange),
      model.onWillDispose(() => this.destroy()),
    );
    if (awareness) {
      awareness.on('change', this.onAwarenessChange);
      this.disposables.push(
        editor.onDidChangeCursorSelection(() => this.publishSelection()),
        // Cursors are painted only on a model that an editor shows: catch up when it is shown again.
        editor.onDidChangeModel((e) => {
          if (e.newModelUrl?.toString() === model.uri.toString()) this.schedulePaint();
        }),
      );
      this.schedulePaint();
    }
  }

  private readonly onTextEvent = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin !== this) this.applyRemote(event);
    // Decorations move with Monaco's text, not with Yjs's positions: repaint (once per frame).
    if (this.awareness) this.schedulePaint();
  };

  /** A change that did not come from this model: one edit for the whole event. */
  private applyRemote(event: Y.YTextEvent): void {
    const replacements = deltaToReplacements(event.delta);
    if (replacements.length === 0) return;
    const model = this.model;
    const edits = replacements.map((r) => {
      const start = model.getPositionAt(r.start);
      const end = r.end === r.start ? start : model.getPositionAt(r.end);
      return { range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column), text: r.text };
    });
    // The editor's selections follow the text as Yjs positions do (y-monaco restored them from
    // relative positions made before every transaction; this maps every cursor through the event).
    const selections = this.editor.getModel() === model ? this.editor.getSelections() : null;
    const mapped = selections?.map((s) => {
      const anchor = mapOffset(model.getOffsetAt(s.getSelectionStart()), replacements);
      const head = mapOffset(model.getOffsetAt(s.getPosition()), replacements);
      return { anchor, head };
    });
    this.applyingRemote = true;
    try {
      model.applyEdits(edits);
    } finally {
      this.applyingRemote = false;
    }
    if (!mapped || this.editor.getModel() !== model) return;
    const next = mapped.map(({ anchor, head }) => {
      const a = model.getPositionAt(anchor);
      const h = model.getPositionAt(head);
      return new monaco.Selection(a.lineNumber, a.column, h.lineNumber, h.column);
    });
    const now = this.editor.getSelections();
    if (!now || now.length !== next.length || now.some((s, i) => !s.equalsSelection(next[i]!))) this.editor.setSelections(next);
  }

  private readonly onModelChange = (event: monaco.editor.IModelContentChangedEvent) => {
    if (this.applyingRemote) return;
    // Right to left, so each change's offsets still hold when it is applied.
    const changes = [...event.changes].sort((a, b) => b.rangeOffset - a.rangeOffset);
    this.doc.transact(() => {
      for (const change of changes) {
        if (change.rangeLength > 0) this.text.delete(change.rangeOffset, change.rangeLength);
        if (change.text) this.text.insert(change.rangeOffset, change.text);
      }
    }, this);
  };

  private publishSelection(): void {
    const awareness = this.awareness;
    if (!awareness || this.editor.getModel() !== this.model) return;
    const selection = this.editor.getSelection();
    if (!selection) return;
    const anchor = Y.createRelativePositionFromTypeIndex(this.text, this.model.getOffsetAt(selection.getSelectionStart()));
    const head = Y.createRelativePositionFromTypeIndex(this.text, this.model.getOffsetAt(selection.getPosition()));
    const current = (awareness.getLocalState() as { selection?: AwarenessSelection } | null)?.selection;
    // Typing before the cursor, or a peer's text arriving, moves its offset but not its place in
    // the text: no message for that.
    if (current && Y.compareRelativePositions(current.anchor, anchor) && Y.compareRelativePositions(current.head, head)) return;
    awareness.setLocalStateField('selection', { anchor, head } satisfies AwarenessSelection);
  }

  private readonly onAwarenessChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    // Our own cursor is not painted: only other clients' changes need a repaint.
    const own = this.doc.clientID;
    if (added.some((id) => id !== own) || updated.some((id) => id !== own) || removed.some((id) => id !== own)) this.schedulePaint();
  };

  private schedulePaint(): void {
    if (this.paintFrame !== null || this.destroyed) return;
    this.paintFrame = requestAnimationFrame(() => {
      this.paintFrame = null;
      this.paintRemoteCursors();
    });
  }

  /** Every other client's selection in this text, as decorations; skipped when none moved. */
  private paintRemoteCursors(): void {
    const awareness = this.awareness;
    if (!awareness || this.destroyed || !this.model.isAttachedToEditor()) return;
    const model = this.model;
    const decorations: monaco.editor.IModelDeltaDecoration[] = [];
    const painted: PaintedCursor[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === this.doc.clientID) continue;
      const selection = (state as { selection?: Partial<AwarenessSelection> | null }).selection;
      if (!selection?.anchor || !selection.head) continue;
      let anchor: Y.AbsolutePosition | null;
      let head: Y.AbsolutePosition | null;
      try {
        anchor = Y.createAbsolutePositionFromRelativePosition(selection.anchor, this.doc);
        head = Y.createAbsolutePositionFromRelativePosition(selection.head, this.doc);
      } catch {
        // A peer's malformed selection paints no cursor.
        continue;
      }
      if (!anchor || !head || anchor.type !== this.text || head.type !== this.text) continue;
      const forward = anchor.index <= head.index;
      const start = model.getPositionAt(Math.min(anchor.index, head.index));
      const end = model.getPositionAt(Math.max(anchor.index, head.index));
      const range = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
      const headClass = `yRemoteSelectionHead yRemoteSelectionHead-${clientId}`;
      decorations.push({
        range,
        options: {
          className: `yRemoteSelection yRemoteSelection-${clientId}`,
          afterContentClassName: forward ? headClass : null,
          beforeContentClassName: forward ? null : headClass,
          // Text typed at an edge moves it as Yjs moves the relative position (right association):
          // a peer's own typing carries its cursor along, with no repaint.
          stickiness: monaco.editor.TrackedRangeStickiness.GrowsOnlyWhenTypingAfter,
        },
      });
      painted.push({ clientId, forward, range });
    }
    // Monaco moves decorations along with the text: they may already sit where they belong.
    if (this.paintedStill(painted)) return;
    this.paintedIds = model.deltaDecorations(this.paintedIds, decorations);
    this.painted = painted;
  }

  /** Whether the decorations on the model are `wanted`, where Monaco has moved them since. */
  private paintedStill(wanted: readonly PaintedCursor[]): boolean {
    if (wanted.length !== this.painted.length) return false;
    return wanted.every((w, i) => {
      const was = this.painted[i]!;
      const range = this.model.getDecorationRange(this.paintedIds[i]!);
      return was.clientId === w.clientId && was.forward === w.forward && range !== null && range.equalsRange(w.range);
    });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.paintFrame !== null) cancelAnimationFrame(this.paintFrame);
    this.paintFrame = null;
    this.text.unobserve(this.onTextEvent);
    this.awareness?.off('change', this.onAwarenessChange);
    for (const d of this.disposables.splice(0)) d.dispose();
    if (!this.model.isDisposed() && this.paintedIds.length) this.model.deltaDecorations(this.paintedIds, []);
    this.paintedIds = [];
    this.painted = [];
  }
}
