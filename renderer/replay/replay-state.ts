import { useWorkbench, workbench, type RecordingStatus, type ReplaySlice } from '../state/store';

// The history area's UI state (how far the recording is stored, which session the player shows)
// is the store's replay slice (state/store.ts); these names keep its callers reading only it.

export type { RecordingStatus };
export type ReplayState = ReplaySlice;

export const replayState = {
  get: (): ReplayState => workbench.get(),
  set(patch: Partial<ReplayState> | ((s: ReplayState) => Partial<ReplayState>)): void {
    workbench.set(typeof patch === 'function' ? (s) => patch(s) : patch);
  },
  subscribe(listener: () => void): () => void {
    // Only changes of this slice, as before it joined the store.
    return workbench.subscribe((s, prev) => {
      if (s.recording !== prev.recording || s.playerSession !== prev.playerSession || s.playerAt !== prev.playerAt) listener();
    });
  },
};

export function useReplayState<T>(select: (s: ReplayState) => T): T {
  return useWorkbench(select);
}
