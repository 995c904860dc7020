import * as Y from 'yjs';
import type { HistoryEvent } from '../../common/history';
import type { WorkspaceDocuments } from '../editor/workspace-documents';

// The Monaco binding (collab/monaco-binding.ts) keeps each client's selection in awareness as
// relative positions in a Y.Text; history stores a file and line/column positions, which a replay
// can show without the live doc.

interface Position {
  line: number;
  column: number;
}

function lineColumn(text: string, index: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

function resolve(docs: WorkspaceDocuments, json: unknown): { file: string; index: number; text: string } | null {
  try {
    const abs = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), docs.doc);
    if (!abs) return null;
    for (const [file, text] of docs.files) if (text === abs.type) return { file, index: abs.index, text: text.toString() };
  } catch {
    // A peer's malformed awareness state is not recorded.
  }
  return null;
}

export function awarenessEvent(docs: WorkspaceDocuments, client: number, author: string): HistoryEvent | null {
  const state = docs.awareness.getStates().get(client) as
    | { selection?: { anchor?: unknown; head?: unknown }; user?: { name?: unknown; color?: unknown } }
    | undefined;
  if (!state) return null;
  const name = typeof state.user?.name === 'string' ? state.user.name.slice(0, 200) : undefined;
  const color = typeof state.user?.color === 'string' ? state.user.color.slice(0, 50) : undefined;
  const anchor = state.selection?.anchor ? resolve(docs, state.selection.anchor) : null;
  const head = state.selection?.head ? resolve(docs, state.selection.head) : null;
  if (!anchor || !head || anchor.file !== head.file) {
    return { kind: 'awareness', author, file: null, cursor: null, name, color };
  }
  const a = lineColumn(anchor.text, anchor.index);
  const h = lineColumn(head.text, head.index);
  return {
    kind: 'awareness',
    author,
    file: head.file,
    cursor: h,
    selection: a.line === h.line && a.column === h.column ? null : { anchor: a, head: h },
    name,
    color,
  };
}
