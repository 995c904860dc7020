import type { monaco } from './monaco-setup';

// The one Monaco editor of the editor group, for workbench commands that act on it (Go to Line,
// focus after hiding the panel, revealing a search match). EditorPane registers it.

let current: monaco.editor.IStandaloneCodeEditor | null = null;

export function setActiveEditor(editor: monaco.editor.IStandaloneCodeEditor | null): void {
  current = editor;
}

export function activeEditor(): monaco.editor.IStandaloneCodeEditor | null {
  return current;
}

export function focusEditor(): void {
  current?.focus();
}

/** Runs one of Monaco's own actions (e.g. editor.action.gotoLine) on the editor, focused. */
export function runEditorAction(id: string): void {
  if (!current || !current.getModel()) return;
  current.focus();
  void current.getAction(id)?.run();
}

let pending: { path: string; line: number; column: number; length: number } | null = null;

/**
 * Selects a range in a file once the editor shows it: now when it is the editor's model already,
 * otherwise when EditorPane switches to it (see showedFile).
 */
export function selectInFile(path: string, line: number, column: number, length: number): void {
  pending = { path, line, column, length };
  if (current?.getModel()?.uri.path === `/${path}`) showedFile(path);
}

/** EditorPane calls this after it put a file's model in the editor. */
export function showedFile(path: string): void {
  if (!pending || pending.path !== path) return;
  const { line, column, length } = pending;
  pending = null;
  selectRange(line, column, length);
}

/** Selects a range (1-based, as Monaco counts) and scrolls it into the middle of the editor. */
export function selectRange(line: number, column: number, length: number): void {
  if (!current) return;
  const range = { startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: column + length };
  current.setSelection(range);
  current.revealRangeInCenterIfOutsideViewport(range);
  current.focus();
}
