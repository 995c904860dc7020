import type { SearchAddon } from '@xterm/addon-search';
import { useEffect, useRef, useState } from 'react';

/** The find bar over a terminal (Ctrl+F while the terminal has focus; Ctrl+Shift+F is Search across files, as in VS Code). */
export function TerminalFind({ search, onClose }: { search: SearchAddon; onClose: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ index: number; count: number } | null>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
    const off = search.onDidChangeResults((r) => setResult({ index: r.resultIndex, count: r.resultCount }));
    return () => {
      off.dispose();
      search.clearDecorations();
    };
  }, [search]);

  const options = { decorations: { matchOverviewRuler: '#d18616', activeMatchColorOverviewRuler: '#a0a0a0', matchBackground: '#623315', activeMatchBackground: '#515c6a' } };
  const find = (forward: boolean, text = query) => {
    if (!text) return;
    if (forward) search.findNext(text, options);
    else search.findPrevious(text, options);
  };

  return (
    <div className="terminal-find" role="search" aria-label="Find in terminal">
      <input
        ref={input}
        aria-label="Find in terminal"
        placeholder="Find"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          find(true, e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            find(!e.shiftKey);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      />
      <span className="terminal-find-count" aria-live="polite">
        {query ? (result && result.count > 0 ? `${result.index + 1} of ${result.count}` : 'No results') : ''}
      </span>
      <button aria-label="Previous match" title="Previous match (Shift+Enter)" onClick={() => find(false)}>
        ↑
      </button>
      <button aria-label="Next match" title="Next match (Enter)" onClick={() => find(true)}>
        ↓
      </button>
      <button aria-label="Close find" title="Close (Escape)" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
