// The interview clock as data (issue 9): how long, how much is left, running or paused, and
// whether the candidate's pad is locked. Pure, with the time passed in, so both sides and the
// tests compute the same thing. Remaining time is sent rather than an end time, so two machines
// whose clocks disagree still show the same countdown (off by the message's latency only).

export const DEFAULT_INTERVIEW_MS = 45 * 60_000;
/** Warnings are given when the time left crosses these marks (5 and 1 minutes). */
export const WARNING_MARKS_MS = [5 * 60_000, 60_000] as const;
export const MAX_INTERVIEW_MS = 8 * 60 * 60_000;

export interface TimerState {
  /** The whole length, extensions included. */
  durationMs: number;
  /** Time left at `anchor` (this machine's clock). */
  remainingMs: number;
  anchor: number;
  running: boolean;
  /** Whether the candidate's editor is read-only; set when time runs out, cleared by the interviewer. */
  locked: boolean;
  /** Raised by the interviewer at every change; an older state never replaces a newer one. */
  version: number;
}

export function newTimer(durationMs = DEFAULT_INTERVIEW_MS, now = Date.now()): TimerState {
  return { durationMs, remainingMs: durationMs, anchor: now, running: false, locked: false, version: 0 };
}

export function remaining(state: TimerState, now: number): number {
  return state.running ? Math.max(0, state.remainingMs - (now - state.anchor)) : state.remainingMs;
}

function settle(state: TimerState, now: number): TimerState {
  return { ...state, remainingMs: remaining(state, now), anchor: now };
}

export function start(state: TimerState, now: number): TimerState {
  if (state.running || state.remainingMs <= 0) return state;
  return { ...settle(state, now), running: true, version: state.version + 1 };
}

export function pause(state: TimerState, now: number): TimerState {
  if (!state.running) return state;
  return { ...settle(state, now), running: false, version: state.version + 1 };
}

/** Adds time (also after the end: the clock can run again, and the pad stays as the interviewer set it). */
export function extend(state: TimerState, ms: number, now: number): TimerState {
  const settled = settle(state, now);
  const add = Math.min(ms, MAX_INTERVIEW_MS - settled.durationMs);
  if (add <= 0) return state;
  return { ...settled, durationMs: settled.durationMs + add, remainingMs: settled.remainingMs + add, version: state.version + 1 };
}

/** Sets the length before the clock first starts (afterwards, extend). */
export function setDuration(state: TimerState, ms: number, now: number): TimerState {
  if (state.running || state.remainingMs !== state.durationMs || ms <= 0 || ms > MAX_INTERVIEW_MS) return state;
  return { ...state, durationMs: ms, remainingMs: ms, anchor: now, version: state.version + 1 };
}

export function setLocked(state: TimerState, locked: boolean, now: number): TimerState {
  if (state.locked === locked) return state;
  return { ...settle(state, now), locked, version: state.version + 1 };
}

/** The clock reached zero: it stops and the pad locks. */
export function expire(state: TimerState, now: number): TimerState {
  if (!state.running || remaining(state, now) > 0) return state;
  return { ...state, remainingMs: 0, anchor: now, running: false, locked: true, version: state.version + 1 };
}

/** The warning marks passed between two readings of the time left (e.g. [300000] at 5 minutes). */
export function marksCrossed(before: number, after: number): number[] {
  return WARNING_MARKS_MS.filter((mark) => before > mark && after <= mark);
}

export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** The state on the wire: the time left now, the receiver anchors it to its own clock. */
export interface TimerWire {
  durationMs: number;
  remainingMs: number;
  running: boolean;
  locked: boolean;
  version: number;
}

export function toWire(state: TimerState, now: number): TimerWire {
  return { durationMs: state.durationMs, remainingMs: remaining(state, now), running: state.running, locked: state.locked, version: state.version };
}

export function fromWire(wire: TimerWire, now: number): TimerState {
  return { ...wire, anchor: now };
}
