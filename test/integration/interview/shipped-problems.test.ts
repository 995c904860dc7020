// Every problem shipped under problems/: each submissions/accepted file must be accepted and each
// submissions/wrong_answer file must not be, in real sandboxes. Problems are judged one after
// another with one judge, so a custom validator is compiled once and containers stay warm.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JudgeResult } from '../../../common/problem';
import { Judge } from '../../../main/interview/judge';
import { openJudgePool } from '../../../main/interview/judge-pool';
import { loadPackage } from '../../../main/interview/problem-bank';
import type { ProblemPackage } from '../../../main/interview/problem-package';
import { deriveTimeLimit } from '../../../main/interview/time-limit';
import { root } from './cli-helpers';

// CODECRAFTER_PROBLEMS_DIR points the check at another folder of packages (as the app does).
const dir = process.env.CODECRAFTER_PROBLEMS_DIR ?? path.join(root, 'problems');
const folders = existsSync(dir)
  ? readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort()
  : [];

const summary = (r: JudgeResult) => JSON.stringify(r.tests.filter((t) => t.verdict !== 'accepted').slice(0, 3).map((t) => [t.name, t.verdict, t.message, t.feedback]));

describe('shipped problems', () => {
  // The app ships at least 20 problems (issue 9); an empty or missing folder is a failure, not a skip.
  it(`${dir} holds the shipped problem packages`, () => {
    expect(folders.length).toBeGreaterThanOrEqual(20);
  });

  let judge: Judge | null = null;
  const getJudge = async () => {
    if (!judge) {
      const pool = await openJudgePool();
      pool.warm(['python', 'cpp', 'javascript']);
      judge = new Judge(pool);
    }
    return judge;
  };
  afterAll(async () => {
    await judge?.dispose();
  });

  for (const folder of folders) {
    it(`${folder}: accepted submissions pass, wrong answers are rejected`, { timeout: 600_000 }, async () => {
      const pkg: ProblemPackage = loadPackage(path.join(dir, folder));
      const j = await getJudge();
      const accepted = pkg.submissions.filter((s) => s.expected === 'accepted');
      const wrong = pkg.submissions.filter((s) => s.expected === 'wrong-answer');
      expect(accepted.length, `${folder} has no submissions/accepted`).toBeGreaterThan(0);
      expect(wrong.length, `${folder} has no submissions/wrong_answer`).toBeGreaterThan(0);

      let timeLimitMs = pkg.statedTimeLimitMs;
      if (timeLimitMs === null) {
        // Deriving the limit judges every accepted submission already; its results are the check.
        const derived = await deriveTimeLimit(pkg, (s, ms) => j.judge(pkg, s, { timeLimitMs: ms }));
        timeLimitMs = derived.timeLimitMs;
      } else {
        for (const s of accepted) {
          const r = await j.judge(pkg, s, { timeLimitMs });
          expect(r.verdict, `${folder}/${s.path}: ${summary(r)}`).toBe('accepted');
        }
      }
      for (const s of wrong) {
        const r = await j.judge(pkg, s, { timeLimitMs, abortOnFirstFailure: true });
        expect(r.verdict, `${folder}/${s.path} should not be accepted`).not.toBe('accepted');
        expect(r.verdict, `${folder}/${s.path}: ${summary(r)}`).not.toBe('judge-error');
      }
    });
  }
});
