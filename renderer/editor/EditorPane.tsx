import { useEffect, useRef } from 'react';
import { activeEditor } from '../app-context';
import { documents } from './documents';
import { languageFor, modelUri, monaco } from './monaco-setup';
import { useWorkbench, workbench } from '../state/store';
import { saveAll, saveFile, updateDirty } from '../workbench/actions';
import { editorBindings, runCommand } from '../workbench/commands';
import { monacoKeybinding } from '../workbench/keybindings';
import { attachEditor, linkBinding } from '../collab/session';
import { isGuest } from '../collab/room-mode';
import { MonacoBinding } from '../collab/monaco-binding';
import { createAutoSave } from './autosave';

interface OpenModel {
  model: monaco.editor.ITextModel;
  binding: MonacoBinding;
  viewState: monaco.editor.ICodeEditorViewState | null;
  disposeObserver: () => void;
}

/**
 * One Monaco editor for the whole editor group; each open file is a Monaco model bound to its
 * Y.Text (collab/monaco-binding.ts), so typing edits the workspace doc and the doc's changes (from
 * disk, later from peers) reach the editor.
 */
export function EditorPane() {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const models = useRef(new Map<string, OpenModel>());
  const activeTab = useWorkbench((s) => s.activeTab);
  const tabs = useWorkbench((s) => s.tabs);
  const theme = useWorkbench((s) => s.settings.theme);
  const fontSize = useWorkbench((s) => s.settings.fontSize);
  const tabSize = useWorkbench((s) => s.settings.tabSize);
  const insertSpaces = useWorkbench((s) => s.settings.insertSpaces);
  const wordWrap = useWorkbench((s) => s.settings.wordWrap);
  const languageOverrides = useWorkbench((s) => s.languageOverrides);

  useEffect(() => {
    const editor = monaco.editor.create(host.current!, {
      model: null,
      automaticLayout: true,
      fontSize: workbench.get().settings.fontSize,
      theme: workbench.get().settings.theme === 'light' ? 'vs' : 'vs-dark',
      minimap: { enabled: true },
      renderWhitespace: 'selection',
      wordWrap: workbench.get().settings.wordWrap,
      ariaLabel: 'Editor',
    });
    editorRef.current = editor;
    activeEditor.set(editor);
    // Monaco handles keys before the page sees them: register the workbench's shortcuts with it.
    for (const { id, chord } of editorBindings()) editor.addCommand(monacoKeybinding(chord, monaco), () => runCommand(id));
    const detachCollab = attachEditor(editor);
    // The caret and the selection's length, as VS Code's status bar shows them.
    const cursor = editor.onDidChangeCursorSelection((e) => {
      const model = editor.getModel();
      const selected = model ? model.getValueLengthInRange(e.selection) : 0;
      const position = e.selection.getPosition();
      workbench.set({ cursor: { line: position.lineNumber, column: position.column, selected } });
    });
    const autoSave = createAutoSave({ store: workbench, isDirty: (path) => documents.isDirty(path), save: saveFile, saveAll, isGuest });
    const edited = editor.onDidChangeModelContent(() => {
      const path = workbench.get().activeTab;
      if (path) autoSave.edited(path);
    });
    const blurred = editor.onDidBlurEditorText(() => autoSave.blurred());
    const open = models.current;
    return () => {
      detachCollab();
      cursor.dispose();
      edited.dispose();
      blurred.dispose();
      autoSave.dispose();
      activeEditor.set(null);
      for (const entry of open.values()) {
        entry.disposeObserver();
        entry.binding.destroy();
        entry.model.dispose();
      }
      open.clear();
      editor.dispose();
    };
  }, []);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'light' ? 'vs' : 'vs-dark');
    editorRef.current?.updateOptions({ fontSize, wordWrap });
  }, [theme, fontSize, wordWrap]);

  // Indentation is a model option in Monaco: every open file takes the settings, live.
  useEffect(() => {
    for (const entry of models.current.values()) entry.model.updateOptions({ tabSize, insertSpaces });
  }, [tabSize, insertSpaces]);

  // The language picked in the status bar, or the one the file name gives.
  useEffect(() => {
    for (const [path, entry] of models.current) {
      const language = languageOverrides[path] ?? languageFor(path);
      if (entry.model.getLanguageId() !== language) monaco.editor.setModelLanguage(entry.model, language);
    }
    const model = editorRef.current?.getModel();
    if (model) workbench.set({ language: model.getLanguageId() });
  }, [languageOverrides]);

  // Models follow the tabs: a closed tab's model and binding go with it.
  useEffect(() => {
    for (const [path, entry] of models.current) {
      if (tabs.includes(path) && documents.text(path)) continue;
      entry.disposeObserver();
      entry.binding.destroy();
      entry.model.dispose();
      models.current.delete(path);
    }
  }, [tabs]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const previous = editor.getModel();
    if (previous) {
      for (const entry of models.current.values()) if (entry.model === previous) entry.viewState = editor.saveViewState();
    }
    if (!activeTab) {
      editor.setModel(null);
      workbench.set({ language: null, cursor: null });
      return;
    }
    const text = documents.text(activeTab);
    if (!text) return;
    let entry = models.current.get(activeTab);
    if (!entry) {
      const language = workbench.get().languageOverrides[activeTab] ?? languageFor(activeTab);
      const model = monaco.editor.createModel(text.toString(), language, modelUri(activeTab));
      model.setEOL(monaco.editor.EndOfLineSequence.LF);
      const { tabSize: size, insertSpaces: spaces } = workbench.get().settings;
      model.updateOptions({ tabSize: size, insertSpaces: spaces });
      const binding = new MonacoBinding(text, model, editor, documents.awareness);
      const path = activeTab;
      const observer = () => updateDirty(path);
      text.observe(observer);
      const unlink = linkBinding(text, binding, model);
      entry = { model, binding, viewState: null, disposeObserver: () => (text.unobserve(observer), unlink()) };
      models.current.set(activeTab, entry);
    }
    editor.setModel(entry.model);
    if (entry.viewState) editor.restoreViewState(entry.viewState);
    // Switching models fires no cursor event: the status bar reads the restored position here.
    const position = editor.getPosition() ?? { lineNumber: 1, column: 1 };
    const selection = editor.getSelection();
    workbench.set({
      language: entry.model.getLanguageId(),
      cursor: { line: position.lineNumber, column: position.column, selected: selection ? entry.model.getValueLengthInRange(selection) : 0 },
    });
    editor.focus();
    activeEditor.showedFile(activeTab);
  }, [activeTab]);

  return (
    <div className="editor-host" ref={host} data-testid="editor" hidden={!activeTab}>
      {/* Monaco renders into this element. */}
    </div>
  );
}
