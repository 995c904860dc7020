// A time limit for packages that state none, derived as problemtools does: run every accepted
// submission, take the slowest test case of any of them, multiply by `time_multiplier` (default
// 5) and round to whole seconds (at least 1 s). `time_safety_margin` (default 2) scales the
// wall-time backstop the judge allows on top of the CPU limit (see judge.ts), so a busy machine
// does not turn CPU-bound runs into wall-time failures.
import type { JudgeResult, JudgeVerdict } from '../../common/problem';
import type { SubmissionInput } from './judge';
import type { ProblemPackage, Submission } from './problem-package';

export const DEFAULT_TIME_LIMIT_MS = 2_000;
/** The limit accepted submissions get while the real one is measured. */
const MEASURING_LIMIT_MS = 10_000;

export interface Derivation {
  timeLimitMs: number;
  slowestMs: number;
  results: { submission: string; result: JudgeResult }[];
}

export class DerivationError extends Error {}

export function limitFromRuntime(slowestMs: number, multiplier: number): number {
  return Math.max(1, Math.round((slowestMs / 1000) * multiplier)) * 1000;
}

export async function deriveTimeLimit(
  pkg: ProblemPackage,
  judge: (submission: SubmissionInput, timeLimitMs: number) => Promise<JudgeResult>,
): Promise<Derivation> {
  const accepted = pkg.submissions.filter((s: Submission) => s.expected === 'accepted');
  const results: Derivation['results'] = [];
  let slowest = 0;
  for (const submission of accepted) {
    const result = await judge({ files: submission.files, entry: submission.entry, language: submission.language }, MEASURING_LIMIT_MS);
    results.push({ submission: submission.path, result });
    const verdict: JudgeVerdict = result.verdict;
    if (verdict !== 'accepted')
      throw new DerivationError(`cannot derive a time limit: ${submission.path} should be accepted but got ${verdict} (${result.message ?? result.tests.find((t) => t.verdict === verdict)?.message ?? ''})`);
    for (const t of result.tests) slowest = Math.max(slowest, t.cpuMs ?? 0);
  }
  return { timeLimitMs: limitFromRuntime(slowest, pkg.yaml.limits.time_multiplier ?? 5), slowestMs: slowest, results };
}
