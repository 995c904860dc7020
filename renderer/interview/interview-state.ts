import { useWorkbench, workbench, type WorkbenchStore } from '../state/store';
import type { InterviewUiState } from './interview-slice';

// The Interview view's state is the store's interview slice (state/store.ts, interview-slice.ts);
// these names keep its callers reading and changing only that slice, as replay-state.ts does.

export type { InterviewUiState };

export interface InterviewState {
  get(): InterviewUiState;
  set(patch: Partial<InterviewUiState> | ((s: InterviewUiState) => Partial<InterviewUiState>)): void;
  /** Called on changes of the interview slice only. */
  subscribe(listener: () => void): () => void;
}

/** The interview slice of `store`. */
export function interviewStateOf(store: WorkbenchStore): InterviewState {
  return {
    get: () => store.get().interview,
    set(patch) {
      store.set((s) => ({ interview: { ...s.interview, ...(typeof patch === 'function' ? patch(s.interview) : patch) } }));
    },
    subscribe(listener) {
      return store.subscribe((s, prev) => {
        if (s.interview !== prev.interview) listener();
      });
    },
  };
}

/** The window's interview slice. */
export const interviewState = interviewStateOf(workbench);

export function useInterview<T>(select: (s: InterviewUiState) => T): T {
  return useWorkbench((s) => select(s.interview));
}
