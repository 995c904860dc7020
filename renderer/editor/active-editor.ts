import type { monaco } from './monaco-setup';

// The one Monaco editor of the editor group, for workbench commands that act on it (Go to Line,
// focus after hiding the panel, revealing a search match). EditorPane registers it; the window's
// instance is made in app-context.ts.

export class ActiveEditor {
  private current: monaco.editor.IStandaloneCodeEditor | null = null;
  /** A range to select once the editor shows its file (see selectInFile). */
  private pending: { path: string; line: number; column: number; length: number } | null = null;

  set(editor: monaco.editor.IStandaloneCodeEditor | null): void {
    this.current = editor;
  }

  get(): monaco.editor.IStandaloneCodeEditor | null {
    return this.current;
  }

  focus(): void {
    this.current?.focus();
  }

  /** Runs one of Monaco's own actions (e.g. editor.action.gotoLine) on the editor, focused. */
  runAction(id: string): void {
    const editor = this.current;
    if (!editor || !editor.getModel()) return;
    editor.focus();
    void editor.getAction(id)?.run();
  }

  /**
   * Selects a range in a file once the editor shows it: now when it is the editor's model already,
   * otherwise when EditorPane switches to it (see showedFile).
   */
  selectInFile(path: string, line: number, column: number, length: number): void {
    this.pending = { path, line, column, length };
    if (this.current?.getModel()?.uri.path === `/${path}`) this.showedFile(path);
  }

  /** EditorPane calls this after it put a file's model in the editor. */
  showedFile(path: string): void {
    if (!this.pending || this.pending.path !== path) return;
    const { line, column, length } = this.pending;
    this.pending = null;
    this.selectRange(line, column, length);
  }

  /** Selects a range (1-based, as Monaco counts) and scrolls it into the middle of the editor. */
  selectRange(line: number, column: number, length: number): void {
    const editor = this.current;
    if (!editor) return;
    const range = { startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: column + length };
    editor.setSelection(range);
    editor.revealRangeInCenterIfOutsideViewport(range);
    editor.focus();
  }
}
