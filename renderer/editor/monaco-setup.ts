import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import CssWorker from 'monaco-editor/language/css/css.worker?worker';
import HtmlWorker from 'monaco-editor/language/html/html.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';

// Monaco and its language workers are bundled by Vite and loaded from our own origin: the editor
// works offline and the CSP never has to allow a CDN.

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    switch (label) {
      case 'json':
        return new JsonWorker();
      case 'css':
      case 'scss':
      case 'less':
        return new CssWorker();
      case 'html':
      case 'handlebars':
      case 'razor':
        return new HtmlWorker();
      case 'typescript':
      case 'javascript':
        return new TsWorker();
      default:
        return new EditorWorker();
    }
  },
};

/** The model URI of a workspace file; its extension lets Monaco pick the language. */
export function modelUri(path: string): monaco.Uri {
  return monaco.Uri.from({ scheme: 'file', path: `/${path}` });
}

/** Monaco's language id for a file name, 'plaintext' when it knows none. */
export function languageFor(path: string): string {
  const name = path.split('/').pop() ?? path;
  const lower = name.toLowerCase();
  for (const language of monaco.languages.getLanguages()) {
    if (language.filenames?.some((f) => f.toLowerCase() === lower)) return language.id;
    if (language.extensions?.some((ext) => lower.endsWith(ext.toLowerCase()))) return language.id;
  }
  return 'plaintext';
}

export function languageLabel(id: string): string {
  const language = monaco.languages.getLanguages().find((l) => l.id === id);
  return language?.aliases?.[0] ?? id;
}

export { monaco };
