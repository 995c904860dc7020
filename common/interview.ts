// Interview mode's shared types (issue 9): what the interviewer's main keeps (interviews, private
// notes, the rubric, judge results, reports) and what a candidate may see of a problem.
import { z } from 'zod';
import type { LanguageId } from './languages';
import type { JudgeResult, ProblemType } from './problem';

/** What a candidate may see of a problem: the statement, the samples and the starter code. */
export interface ProblemPublic {
  id: string;
  name: string;
  type: ProblemType;
  /** The statement's Markdown (rendered with common/statement-markdown.ts). */
  markdown: string;
  samples: Array<{ name: string; input: string; answer: string }>;
  starters: Array<{ language: LanguageId; path: string; content: string }>;
  timeLimitMs: number | null;
  memoryMb: number | null;
}

export const InterviewIdSchema = z.string().regex(/^iv-[0-9a-f]{16}$/, 'not an interview id');
export const ReportIdSchema = z.string().regex(/^rp-[0-9a-f]{16}$/, 'not a report id');

export const MAX_NOTE_CHARS = 10_000;
export const RUBRIC_SCORES = [1, 2, 3, 4] as const;
/** The criteria every interview is scored on (1 = strong no … 4 = strong yes). */
export const RUBRIC_CRITERIA = ['Problem solving', 'Code quality', 'Testing and debugging', 'Communication'] as const;
export const RUBRIC_SCORE_LABELS: Record<number, string> = { 1: 'Strong no', 2: 'No', 3: 'Yes', 4: 'Strong yes' };

const Score = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable();

export const RubricSchema = z
  .object({
    criteria: z.array(z.object({ name: z.string().min(1).max(100), score: Score }).strict()).max(20),
    overall: Score,
    summary: z.string().max(MAX_NOTE_CHARS),
  })
  .strict();
export type Rubric = z.output<typeof RubricSchema>;

export function emptyRubric(): Rubric {
  return { criteria: RUBRIC_CRITERIA.map((name) => ({ name, score: null })), overall: null, summary: '' };
}

export interface InterviewNote {
  id: number;
  /** When it was written (ms since the epoch): the replay timeline's clock. */
  time: number;
  text: string;
}

export interface StoredJudgeRun {
  id: number;
  time: number;
  /** Which tests ran: the candidate's samples or the interviewer's hidden run. */
  tests: 'sample' | 'secret' | 'all';
  entry: string;
  result: JudgeResult;
}

export interface InterviewInfo {
  id: string;
  problemId: string;
  problemName: string;
  languages: LanguageId[];
  /** The folder the room is shared from (starter code), on the interviewer's machine. */
  folder: string;
  startedAt: number;
  /** The recording of the room, once the page has attached it. */
  sessionId: string | null;
  notes: InterviewNote[];
  rubric: Rubric;
  runs: StoredJudgeRun[];
}

export interface InterviewReport {
  id: string;
  interviewId: string;
  sessionId: string | null;
  title: string;
  createdAt: number;
  htmlPath: string;
  /** Null when no PDF printer was available; `pdfError` says why. */
  pdfPath: string | null;
  pdfError?: string;
}
