import { useSyncExternalStore } from 'react';

// The history area's own UI state: how far the recording is stored, and which session the player
// shows. Kept apart from the workbench store so rooms and history never edit the same state file;
// React's useSyncExternalStore is all it needs.

export interface RecordingStatus {
  /** 'off' without a folder; 'starting' until the host answers begin. */
  state: 'off' | 'starting' | 'saving' | 'saved' | 'error';
  sessionId: string | null;
  /** Every update up to this number is committed to the history database. */
  durableSeq: number;
  /** The number the host gave this window's last pushed update. */
  pushedSeq: number;
  message?: string;
}

export interface ReplayState {
  recording: RecordingStatus;
  /** The session the player shows, or null when the player is closed. */
  playerSession: string | null;
  /** A moment (ms since the epoch) the player opens at, e.g. an interview note's (issue 9). */
  playerAt: number | null;
}

let state: ReplayState = {
  recording: { state: 'off', sessionId: null, durableSeq: 0, pushedSeq: 0 },
  playerSession: null,
  playerAt: null,
};
const listeners = new Set<() => void>();

export const replayState = {
  get: (): ReplayState => state,
  set(patch: Partial<ReplayState> | ((s: ReplayState) => Partial<ReplayState>)): void {
    state = { ...state, ...(typeof patch === 'function' ? patch(state) : patch) };
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useReplayState<T>(select: (s: ReplayState) => T): T {
  return useSyncExternalStore(replayState.subscribe, () => select(state));
}
