import { useEffect, useMemo, useRef, useState } from 'react';
import { baseName } from '../../common/paths';
import { useWorkbench, workbench } from '../state/store';
import { openFile, setLanguageMode } from './actions';
import { monaco } from '../editor/monaco-setup';
import { COMMANDS, keysLabel } from './commands';

interface Item {
  id: string;
  label: string;
  detail?: string;
  run: () => void;
}

/** Subsequence match score: higher is better, -1 when `query` is not a subsequence of `text`. */
export function fuzzyScore(query: string, text: string): number {
  const q = query.toLowerCase();
  const t = text.toLowerCase();
  let score = 0;
  let last = -1;
  for (const ch of q) {
    const found = t.indexOf(ch, last + 1);
    if (found === -1) return -1;
    score += found === last + 1 ? 3 : 1;
    last = found;
  }
  return score - t.length * 0.01;
}

const LABELS = { files: 'Go to file', commands: 'Run a command', languages: 'Select language mode' } as const;
const PLACEHOLDERS = { files: 'Search files by name', commands: 'Type a command', languages: 'Type a language name' } as const;
const LIST_LABELS = { files: 'Files', commands: 'Commands', languages: 'Languages' } as const;

/** Monaco's language modes, for the status bar's language picker (issue 11). */
function languageItems(): Item[] {
  const current = workbench.get().language;
  return monaco.languages
    .getLanguages()
    .map((l) => ({ id: l.id, label: l.aliases?.[0] ?? l.id, detail: l.id === current ? `${l.id} (current)` : l.id, run: () => setLanguageMode(l.id) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Quick open (Ctrl+P) and the command palette (Ctrl+Shift+P), as one list with a filter. */
export function QuickPick() {
  const picker = useWorkbench((s) => s.picker);
  const entries = useWorkbench((s) => s.entries);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setQuery('');
    setIndex(0);
    if (picker) setTimeout(() => input.current?.focus(), 0);
  }, [picker]);

  const items = useMemo<Item[]>(() => {
    const all: Item[] =
      picker === 'files'
        ? entries
            .filter((e) => e.kind === 'file')
            .map((e) => ({ id: e.path, label: baseName(e.path), detail: e.path, run: () => void openFile(e.path) }))
        : picker === 'languages'
          ? languageItems()
          : COMMANDS.filter((c) => c.when?.() ?? true).map((c) => ({ id: c.id, label: c.title, detail: keysLabel(c), run: c.run as () => void }));
    if (!query) return all.slice(0, 200);
    return all
      .map((item) => ({ item, score: fuzzyScore(query, picker === 'files' ? (item.detail ?? item.label) : item.label) }))
      .filter((x) => x.score >= 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, 200)
      .map((x) => x.item);
  }, [picker, entries, query]);

  if (!picker) return null;
  const close = () => workbench.set({ picker: null });
  const choose = (item: Item | undefined) => {
    if (!item) return;
    close();
    item.run();
  };
  const label = LABELS[picker];
  return (
    <div className="overlay" onMouseDown={close}>
      <div className="quick-pick" role="dialog" aria-label={label} onMouseDown={(e) => e.stopPropagation()}>
        <input
          ref={input}
          aria-label={label}
          role="combobox"
          aria-expanded
          aria-controls="quick-pick-list"
          placeholder={PLACEHOLDERS[picker]}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setIndex(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setIndex((i) => Math.min(items.length - 1, i + 1));
            else if (e.key === 'ArrowUp') setIndex((i) => Math.max(0, i - 1));
            else if (e.key === 'Enter') choose(items[index]);
            else if (e.key === 'Escape') close();
            else return;
            e.preventDefault();
            e.stopPropagation();
          }}
        />
        <ul id="quick-pick-list" role="listbox" aria-label={LIST_LABELS[picker]}>
          {items.map((item, i) => (
            <li
              key={item.id}
              role="option"
              aria-selected={i === index}
              className={i === index ? 'selected' : ''}
              onMouseEnter={() => setIndex(i)}
              onClick={() => choose(item)}
            >
              <span className="label">{item.label}</span>
              {item.detail && <span className="detail">{item.detail}</span>}
            </li>
          ))}
          {items.length === 0 && <li className="empty">{`No matching ${LIST_LABELS[picker].toLowerCase()}.`}</li>}
        </ul>
      </div>
    </div>
  );
}
