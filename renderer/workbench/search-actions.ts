import { globProblem, compileQuery } from '../../common/search';
import { selectInFile } from '../editor/active-editor';
import { api } from '../host';
import { workbench, type SearchViewState } from '../state/store';
import { openFile } from './actions';

// The Search view's actions (issue 11): the query goes to main's workspace.search; a result
// opens its file with the match selected.

export function showSearch(): void {
  workbench.set({ sideView: 'search', sideBarVisible: true });
  // The view mounts on this render; its query field takes the focus, with the text selected.
  requestAnimationFrame(() => {
    const input = document.querySelector<HTMLInputElement>('input[aria-label="Search query"]');
    input?.focus();
    input?.select();
  });
}

/** "a, b/**" as typed in the include and exclude fields -> ['a', 'b/**']. */
export function splitGlobs(text: string): string[] {
  return text
    .split(',')
    .map((g) => g.trim().replace(/^\.\//, ''))
    .filter(Boolean);
}

let searchSeq = 0;

/** Searches with the view's current fields; an older answer arriving late is dropped. */
export async function runSearch(): Promise<void> {
  const view = workbench.get().search;
  const seq = ++searchSeq;
  const set = (patch: Partial<SearchViewState>) => {
    if (seq === searchSeq) workbench.set((s) => ({ search: { ...s.search, ...patch } }));
  };
  if (!view.query) return set({ result: null, error: null, searching: false });
  const include = splitGlobs(view.include);
  const exclude = splitGlobs(view.exclude);
  // Checked here too, so a half-typed pattern says what is wrong without a round trip.
  const compiled = compileQuery(view);
  const problem = typeof compiled === 'string' ? compiled : [...include, ...exclude].map(globProblem).find((p) => p !== null);
  if (problem) return set({ result: null, error: problem, searching: false });
  set({ searching: true, error: null });
  try {
    const result = await api.workspace.search({ query: view.query, isRegex: view.isRegex, matchCase: view.matchCase, wholeWord: view.wholeWord, include, exclude });
    set({ result, searching: false });
  } catch (error) {
    set({ result: null, error: error instanceof Error ? error.message : String(error), searching: false });
  }
}

export async function openMatch(path: string, line: number, column: number, length: number): Promise<void> {
  selectInFile(path, line, column, length);
  await openFile(path);
}
