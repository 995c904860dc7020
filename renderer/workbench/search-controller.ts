import type { Contract } from '../../common/contract';
import type { ClientOf } from '../../common/rpc';
import { compileQuery, globProblem } from '../../common/search';
import type { SearchViewState, WorkbenchStore } from '../state/store';

// The Search view's query (issue 11), as a controller over the host's workspace.search and the
// store: it searches with the view's fields, and an older answer arriving late is dropped.

export interface SearchControllerDeps {
  workspace: Pick<ClientOf<Contract>['workspace'], 'search'>;
  store: WorkbenchStore;
}

export interface SearchController {
  /** Searches with the view's current fields; an older answer arriving late is dropped. */
  run(): Promise<void>;
}

/** "a, b/**" as typed in the include and exclude fields -> ['a', 'b/**']. */
export function splitGlobs(text: string): string[] {
  return text
    .split(',')
    .map((g) => g.trim().replace(/^\.\//, ''))
    .filter(Boolean);
}

export function createSearchController({ workspace, store }: SearchControllerDeps): SearchController {
  /** The latest search asked for: only its answer is shown. */
  let searchSeq = 0;
  return {
    async run() {
      const view = store.get().search;
      const seq = ++searchSeq;
      const set = (patch: Partial<SearchViewState>) => {
        if (seq === searchSeq) store.set((s) => ({ search: { ...s.search, ...patch } }));
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
        const result = await workspace.search({ query: view.query, isRegex: view.isRegex, matchCase: view.matchCase, wholeWord: view.wholeWord, include, exclude });
        set({ result, searching: false });
      } catch (error) {
        set({ result: null, error: error instanceof Error ? error.message : String(error), searching: false });
      }
    },
  };
}
