import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { MonacoBinding } from './monaco-binding';
import { monaco } from '../editor/monaco-setup';
import type { WorkbenchStore } from '../state/store';
import { setLocalField } from './presence';

// The one place the collaboration code touches Monaco: undo of one's own edits only, and what
// awareness says about this window's editor (typing, viewport), plus the follow-mode hooks.

/** How stale `activeAt` may get before typing refreshes it (idle shows after a minute). */
const ACTIVE_AT_STEP_MS = 10_000;
/** A peer shows as typing until this long after its last keystroke. */
const TYPING_MS = 1500;

export interface EditorLinkDeps {
  /** The window's awareness (the documents' current one: it changes when the documents are cleared). */
  documents: { readonly awareness: Awareness };
  store: WorkbenchStore;
}

export interface EditorLink {
  /** The editor group's editor; returns its disposer. */
  attachEditor(target: monaco.editor.IStandaloneCodeEditor): () => void;
  /** Called for each open model once bound to its Y.Text; returns its disposer. */
  linkBinding(text: Y.Text, binding: MonacoBinding, model: monaco.editor.ITextModel): () => void;
  /** Set by follow mode: the user typed or clicked, so stop following. */
  setUserInputListener(listener: (() => void) | null): void;
  /** Scrolls so `line` is at the top, without reporting it as our own viewport. */
  scrollToLine(line: number): void;
  currentEditor(): monaco.editor.IStandaloneCodeEditor | null;
}

export function createEditorLink({ documents, store }: EditorLinkDeps): EditorLink {
  const undoManagers = new Map<monaco.editor.ITextModel, Y.UndoManager>();
  let editor: monaco.editor.IStandaloneCodeEditor | null = null;
  let typingTimer: ReturnType<typeof setTimeout> | null = null;
  let lastTypedAt = 0;
  let onUserInput: (() => void) | null = null;
  let scrollingForFollow = false;
  const inRoom = () => store.get().collab.room !== null;

  function endTyping(): void {
    const wait = lastTypedAt + TYPING_MS - Date.now();
    if (wait > 0) {
      typingTimer = setTimeout(endTyping, wait);
      return;
    }
    typingTimer = null;
    setLocalField(documents.awareness, 'typing', false);
  }

  function activeUndo(): Y.UndoManager | undefined {
    const model = editor?.getModel();
    return model ? undoManagers.get(model) : undefined;
  }

  function publishViewport(): void {
    const file = store.get().activeTab;
    if (!inRoom()) return;
    const top = editor?.getVisibleRanges()[0]?.startLineNumber;
    if (file && top) setLocalField(documents.awareness, 'viewport', { file, top });
  }

  return {
    attachEditor(target) {
      editor = target;
      // Undo takes back only this window's edits (a Y.UndoManager on our binding's origin), never a peer's.
      target.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, () => activeUndo()?.undo());
      target.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, () => activeUndo()?.redo());
      target.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, () => activeUndo()?.redo());
      // A viewer's (or knocking guest's) editor is read-only: every peer drops its edits anyway
      // (provider/room-provider.ts), so typing would only make this window's text differ.
      const applyReadOnly = () => {
        const { room, canEdit } = store.get().collab;
        const readOnly = room !== null && !canEdit;
        if (target.getOption(monaco.editor.EditorOption.readOnly) !== readOnly) target.updateOptions({ readOnly, readOnlyMessage: { value: 'Your role in this room cannot edit (ask the owner).' } });
      };
      applyReadOnly();
      const unsubscribe = store.subscribe((s, prev) => {
        if (s.collab.canEdit !== prev.collab.canEdit || s.collab.room !== prev.collab.room) applyReadOnly();
      });
      const disposables = [
        { dispose: unsubscribe },
        target.onKeyDown(() => onUserInput?.()),
        target.onMouseDown(() => onUserInput?.()),
        target.onDidScrollChange(() => {
          if (scrollingForFollow) return;
          publishViewport();
        }),
      ];
      return () => {
        for (const d of disposables) d.dispose();
        if (editor === target) editor = null;
      };
    },

    linkBinding(text, binding, model) {
      const undo = new Y.UndoManager(text, { trackedOrigins: new Set([binding]), captureTimeout: 500 });
      undoManagers.set(model, undo);
      const observer = (_event: Y.YTextEvent, transaction: Y.Transaction) => {
        if (transaction.origin !== binding || !inRoom()) return;
        // Awareness changes cost a message and a re-render at every peer: only real changes go out.
        const state = documents.awareness.getLocalState();
        if (state?.typing !== true) setLocalField(documents.awareness, 'typing', true);
        const now = Date.now();
        if (typeof state?.activeAt !== 'number' || now - state.activeAt > ACTIVE_AT_STEP_MS) setLocalField(documents.awareness, 'activeAt', now);
        // One timer per pause in typing, not one per keystroke: it re-arms itself until typing stops.
        lastTypedAt = now;
        typingTimer ??= setTimeout(endTyping, TYPING_MS);
      };
      text.observe(observer);
      return () => {
        text.unobserve(observer);
        undo.destroy();
        undoManagers.delete(model);
      };
    },

    setUserInputListener(listener) {
      onUserInput = listener;
    },

    scrollToLine(line) {
      if (!editor) return;
      scrollingForFollow = true;
      try {
        editor.setScrollTop(editor.getTopForLineNumber(line));
      } finally {
        scrollingForFollow = false;
      }
    },

    currentEditor: () => editor,
  };
}
