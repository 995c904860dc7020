import type { InterviewInfo, InterviewReport, ProblemPublic } from '../../common/interview';
import type { JudgeResult, ProblemSummary } from '../../common/problem';
import type { RoomInterview, SampleVerdicts } from './room-interview';
import type { TimerState } from './timer-model';

// The Interview view's state (issue 9): the store's interview slice (state/store.ts).

export interface InterviewUiState {
  problems: ProblemSummary[];
  problemsError: string | null;
  /** The problem shown in the bank's preview. */
  preview: ProblemPublic | null;
  /** Which side of an interview this window is on, if any. */
  side: 'interviewer' | 'candidate' | null;
  /** The interviewer's private record (notes, rubric, runs); never on the candidate's side. */
  record: InterviewInfo | null;
  /** The public part, from the room doc. */
  room: RoomInterview | null;
  samples: SampleVerdicts | null;
  /** The interviewer's last hidden run (stays on this machine). */
  hidden: JudgeResult | null;
  running: 'samples' | 'hidden' | null;
  timer: TimerState | null;
  /** Re-rendered every second while a clock runs. */
  now: number;
  /** Whether the room channel is attached (the clock and the candidate's own runs need it). */
  channel: boolean;
  report: InterviewReport | null;
  /** A report shown in the app's report dialog. */
  viewing: { title: string; html: string } | null;
  busy: string | null;
}

export function initialInterviewState(): InterviewUiState {
  return {
    problems: [],
    problemsError: null,
    preview: null,
    side: null,
    record: null,
    room: null,
    samples: null,
    hidden: null,
    running: null,
    timer: null,
    now: Date.now(),
    channel: false,
    report: null,
    viewing: null,
    busy: null,
  };
}
