import { z } from 'zod';
import type * as Y from 'yjs';
import type { ProblemPublic } from '../../common/interview';
import { LanguageIdSchema } from '../../common/sandbox';
import { WorkspacePathSchema } from '../../common/paths';
import type { JudgeResult } from '../../common/problem';

// What both sides of an interview room see, kept in the room doc's `meta` (issue 9): the problem's
// statement, its sample tests and which languages and starter files there are. Only public data
// goes here (ProblemPublic: never a hidden test, a note or the rubric). Peers can write the doc, so
// whatever is read back is parsed first; the interviewer's own UI reads its local record instead.

export const INTERVIEW_META_KEY = 'interview';
/** The latest sample verdicts, so the candidate sees them until the channel carries its own runs. */
export const SAMPLE_RESULT_META_KEY = 'interviewSamples';

const MAX_TEXT = 256 * 1024;

export const RoomInterviewSchema = z
  .object({
    problemId: z.string().max(64),
    name: z.string().max(200),
    markdown: z.string().max(MAX_TEXT),
    samples: z.array(z.object({ name: z.string().max(300), input: z.string().max(MAX_TEXT), answer: z.string().max(MAX_TEXT) }).strict()).max(50),
    languages: z.array(LanguageIdSchema).min(1).max(20),
    starters: z.array(z.object({ language: LanguageIdSchema, path: WorkspacePathSchema }).strict()).max(50),
    timeLimitMs: z.number().nullable(),
  })
  .strict();
export type RoomInterview = z.output<typeof RoomInterviewSchema>;

export function roomInterviewOf(problem: ProblemPublic, languages: RoomInterview['languages']): RoomInterview {
  return {
    problemId: problem.id,
    name: problem.name,
    markdown: problem.markdown,
    samples: problem.samples.slice(0, 50),
    languages,
    starters: problem.starters.filter((s) => languages.includes(s.language)).map((s) => ({ language: s.language, path: s.path })),
    timeLimitMs: problem.timeLimitMs,
  };
}

export function publishInterview(meta: Y.Map<unknown>, interview: RoomInterview): void {
  meta.set(INTERVIEW_META_KEY, interview);
}

export function readInterview(meta: Y.Map<unknown>): RoomInterview | null {
  const parsed = RoomInterviewSchema.safeParse(meta.get(INTERVIEW_META_KEY));
  return parsed.success ? parsed.data : null;
}

const SampleVerdictsSchema = z
  .object({
    at: z.number(),
    language: z.string().max(40),
    verdict: z.string().max(40),
    tests: z.array(z.object({ name: z.string().max(300), verdict: z.string().max(40), diff: z.string().max(8000).optional(), cpuMs: z.number().nullable() }).strict()).max(50),
  })
  .strict();
export type SampleVerdicts = z.output<typeof SampleVerdictsSchema>;

/** The public part of a sample run: verdicts and diffs of SAMPLE tests only. */
export function sampleVerdictsOf(result: JudgeResult, at = Date.now()): SampleVerdicts {
  return {
    at,
    language: result.language,
    verdict: result.verdict,
    tests: result.tests
      .filter((t) => t.sample)
      .slice(0, 50)
      .map((t) => ({ name: t.name, verdict: t.verdict, cpuMs: t.cpuMs, ...(t.diff ? { diff: t.diff.slice(0, 8000) } : {}) })),
  };
}

export function readSampleVerdicts(meta: Y.Map<unknown>): SampleVerdicts | null {
  const parsed = SampleVerdictsSchema.safeParse(meta.get(SAMPLE_RESULT_META_KEY));
  return parsed.success ? parsed.data : null;
}
