import { useEffect, useRef } from 'react';
import { languageFor, monaco } from '../editor/monaco-setup';
import { useWorkbench, workbench } from '../state/store';

export interface ReplayCursor {
  author: string;
  name?: string;
  line: number;
  column: number;
  selection?: { anchor: { line: number; column: number }; head: { line: number; column: number } } | null;
}

/**
 * A read-only Monaco showing one file as it was, with each author's cursor and selection. Its
 * model has no file URI, so it never meets the live editor's model of the same path.
 */
export function ReplayEditor({ path, text, cursors }: { path: string; text: string; cursors: ReplayCursor[] }) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const theme = useWorkbench((s) => s.settings.theme);

  useEffect(() => {
    const model = monaco.editor.createModel('', 'plaintext');
    model.setEOL(monaco.editor.EndOfLineSequence.LF);
    const editor = monaco.editor.create(host.current!, {
      model,
      readOnly: true,
      domReadOnly: true,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: workbench.get().settings.fontSize,
      ariaLabel: 'Replay editor (read-only)',
    });
    editorRef.current = editor;
    decorations.current = editor.createDecorationsCollection();
    return () => {
      editor.dispose();
      model.dispose();
    };
  }, []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelLanguage(model, languageFor(path));
  }, [path]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    if (model.getValue() !== text) model.setValue(text);
    decorations.current?.set(
      cursors.flatMap((c, i) => {
        const label = c.name ?? c.author;
        const hue = `replay-cursor-${i % 6}`;
        const list: monaco.editor.IModelDeltaDecoration[] = [
          {
            range: new monaco.Range(c.line, c.column, c.line, c.column),
            options: { beforeContentClassName: `replay-cursor ${hue}`, hoverMessage: { value: label }, stickiness: 1 },
          },
        ];
        if (c.selection) {
          const { anchor, head } = c.selection;
          const [from, to] = anchor.line < head.line || (anchor.line === head.line && anchor.column <= head.column) ? [anchor, head] : [head, anchor];
          list.push({ range: new monaco.Range(from.line, from.column, to.line, to.column), options: { className: `replay-selection ${hue}` } });
        }
        return list;
      }),
    );
  }, [text, cursors]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'light' ? 'vs' : 'vs-dark');
  }, [theme]);

  return <div className="replay-editor" ref={host} data-testid="replay-editor" />;
}
