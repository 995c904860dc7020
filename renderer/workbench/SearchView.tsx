import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SearchFileResult, SearchResult } from '../../common/search';
import { useWorkbench, workbench, type SearchViewState } from '../state/store';
import { FileIcon } from './file-icons';
import { search as searchController } from '../app-context';
import { openMatch } from './search-actions';

// The Search view (Ctrl+Shift+F, issue 11): a query with VS Code's three toggles, include and
// exclude globs, and the results grouped by file. Searching follows typing after a short pause.

const TYPING_PAUSE_MS = 250;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summaryText(result: SearchResult): string {
  const matches = result.files.reduce((n, f) => n + f.matches.length, 0);
  return matches === 0 ? 'No results' : `${plural(matches, 'result')} in ${plural(result.files.length, 'file')}`;
}

const TRUNCATED: Record<NonNullable<SearchResult['truncated']>, string> = {
  results: 'Only the first results are shown: narrow the search.',
  files: 'The folder has more files than one search reads: narrow it with "files to include".',
  time: 'The search took too long and stopped: narrow it with "files to include".',
};

function Toggle({ field, label, children }: { field: 'matchCase' | 'wholeWord' | 'isRegex'; label: string; children: ReactNode }) {
  const on = useWorkbench((s) => s.search[field]);
  return (
    <button
      className={`icon toggle ${on ? 'on' : ''}`}
      aria-label={label}
      title={label}
      aria-pressed={on}
      onClick={() => workbench.set((s) => ({ search: { ...s.search, [field]: !s.search[field] } }))}
    >
      {children}
    </button>
  );
}

function Highlighted({ preview, column, length }: { preview: string; column: number; length: number }) {
  const lead = preview.slice(0, column).trimStart();
  return (
    <>
      {lead}
      <mark>{preview.slice(column, column + length)}</mark>
      {preview.slice(column + length)}
    </>
  );
}

function FileGroup({ file }: { file: SearchFileResult }) {
  const [open, setOpen] = useState(true);
  const name = file.path.split('/').pop()!;
  const folder = file.path.slice(0, -name.length - 1);
  return (
    <li role="treeitem" aria-expanded={open} aria-label={`${file.path}, ${file.matches.length} ${file.matches.length === 1 ? 'match' : 'matches'}`}>
      <div
        className="search-file"
        tabIndex={0}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), setOpen(!open))}
      >
        <span className="twistie" aria-hidden>
          {open ? '▾' : '▸'}
        </span>
        <FileIcon path={file.path} />
        <span className="file-name">{name}</span>
        {folder && <span className="search-folder">{folder}</span>}
        <span className="badge">{file.matches.length}</span>
      </div>
      {open && (
        <ul role="group">
          {file.matches.map((m) => (
            <li
              key={`${m.line}:${m.column}`}
              role="treeitem"
              aria-label={`${file.path}:${m.line}: ${m.preview.trim()}`}
              className="search-match"
              tabIndex={0}
              onClick={() => void openMatch(file.path, m.line, m.column, m.length)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter') return;
                // The focus moves to the editor during this keydown: the Enter must not type there.
                e.preventDefault();
                void openMatch(file.path, m.line, m.column, m.length);
              }}
            >
              <Highlighted preview={m.preview} column={m.previewColumn} length={m.length} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function TextField({ field, label, placeholder }: { field: 'query' | 'include' | 'exclude'; label: string; placeholder: string }) {
  const value = useWorkbench((s) => s.search[field]);
  return (
    <input
      aria-label={label}
      placeholder={placeholder}
      value={value}
      spellCheck={false}
      onChange={(e) => workbench.set((s) => ({ search: { ...s.search, [field]: e.target.value } }))}
      onKeyDown={(e) => e.key === 'Enter' && void searchController.run()}
    />
  );
}

export function SearchView() {
  const search = useWorkbench((s) => s.search);
  const workspace = useWorkbench((s) => s.workspace);
  const { query, isRegex, matchCase, wholeWord, include, exclude } = search;

  useEffect(() => {
    const timer = setTimeout(() => void searchController.run(), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query, isRegex, matchCase, wholeWord, include, exclude, workspace]);

  return (
    <section className="search-view" aria-label="Search">
      <div className="side-header">
        <span className="side-title">Search</span>
      </div>
      <div className="search-fields">
        <div className="search-query">
          <TextField field="query" label="Search query" placeholder="Search" />
          <Toggle field="matchCase" label="Match case">
            Aa
          </Toggle>
          <Toggle field="wholeWord" label="Match whole word">
            <u>ab</u>
          </Toggle>
          <Toggle field="isRegex" label="Use regular expression">
            .*
          </Toggle>
        </div>
        <TextField field="include" label="Files to include" placeholder="files to include (e.g. *.py, src)" />
        <TextField field="exclude" label="Files to exclude" placeholder="files to exclude (e.g. test/**)" />
      </div>
      <SearchResults search={search} />
    </section>
  );
}

/** Up and down move between the result rows, as in the Explorer. */
function moveFocus(e: KeyboardEvent<HTMLUListElement>): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const rows = [...e.currentTarget.querySelectorAll<HTMLElement>('.search-file, .search-match')];
  const index = rows.indexOf(document.activeElement as HTMLElement);
  rows[Math.max(0, Math.min(rows.length - 1, index + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  e.preventDefault();
}

function SearchResults({ search }: { search: SearchViewState }) {
  if (search.error) return <div role="alert" className="input-problem">{search.error}</div>;
  if (!search.result) return search.searching ? <div className="empty">Searching…</div> : null;
  const { result } = search;
  return (
    <>
      <div className="search-summary" role="status" aria-label="Search summary">
        {summaryText(result)}
      </div>
      {result.truncated && <div className="notice">{TRUNCATED[result.truncated]}</div>}
      <ul role="tree" aria-label="Search results" className="search-results" onKeyDown={moveFocus}>
        {result.files.map((file) => (
          <FileGroup key={file.path} file={file} />
        ))}
      </ul>
    </>
  );
}
