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

/**
 * The recording status after `patch`, or `current` itself when nothing would change. The recorder
 * reports on every edit and every push; a status set anew each time woke every store subscriber
 * per keystroke, a peer's included (issue 8, "five peers typing"). `busy`: updates or events are
 * queued or in flight, so 'saving' and 'saved' are decided here, not by the caller.
 */
export function nextRecordingStatus(current: RecordingStatus, patch: Partial<RecordingStatus>, busy: boolean): RecordingStatus {
  const next = { ...current, ...patch };
  if (next.state === 'saving' || next.state === 'saved') next.state = busy || next.durableSeq < next.pushedSeq ? 'saving' : 'saved';
  const keys = new Set([...Object.keys(current), ...Object.keys(next)] as Array<keyof RecordingStatus>);
  for (const key of keys) if (current[key] !== next[key]) return next;
  return current;
}

export function useReplayState<T>(select: (s: ReplayState) => T): T {
  return useWorkbench(select);
}
