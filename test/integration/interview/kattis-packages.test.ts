// Packages written by the test in the Kattis format (test groups with scoring, a float
// tolerance, a custom C++ output validator) import through the CLI, and every file under their
// submissions/<verdict>/ gets that verdict from `codecrafter judge` in real Docker sandboxes.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { JUDGE_EXIT_STATUS } from '../../../main/cli/judge';
import { SUBMISSION_FOLDERS, type JudgeResult } from '../../../common/problem';
import { cliRunner, tempDir } from './cli-helpers';
import { customValidatorPackage, floatPackage, scoringPackage, writeTree, type Tree } from './kattis-fixtures';

const packages: Record<string, Tree> = { 'list-sum': scoringPackage(), divide: floatPackage(), split: customValidatorPackage() };
const work = tempDir('cc-kattis-');
const codecrafter = cliRunner(path.join(work, 'data'));
const results = new Map<string, JudgeResult>();

function judged(id: string, submission: string): JudgeResult {
  const key = `${id}/${submission}`;
  if (!results.has(key)) {
    const file = path.join(work, id, submission);
    const r = codecrafter(['judge', id, file, '--json']);
    if (r.stdout.trim() === '') throw new Error(`judge printed nothing: ${r.stderr}`);
    const result = JSON.parse(r.stdout) as JudgeResult;
    expect(r.status, `${key}: exit status for ${result.verdict}`).toBe(JUDGE_EXIT_STATUS[result.verdict]);
    results.set(key, result);
  }
  return results.get(key)!;
}

describe('Kattis packages written by the test', () => {
  beforeAll(() => {
    for (const [id, tree] of Object.entries(packages)) {
      writeTree(path.join(work, id), tree);
      const r = codecrafter(['problems', 'import', path.join(work, id)]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(`${id}\n`);
    }
  });

  it('are listed with their tests, type and starters', () => {
    const list = JSON.parse(codecrafter(['problems', 'list', '--json']).stdout) as { id: string; type: string; samples: number; secretTests: number; starterLanguages: string[] }[];
    expect(list.map((p) => p.id)).toEqual(['divide', 'list-sum', 'split']);
    expect(list.find((p) => p.id === 'list-sum')).toMatchObject({ type: 'scoring', samples: 1, secretTests: 5, starterLanguages: ['cpp', 'python'] });
  });

  for (const [id, tree] of Object.entries(packages)) {
    const submissions = Object.keys(tree).filter((f) => f.startsWith('submissions/'));
    for (const submission of submissions) {
      const expected = SUBMISSION_FOLDERS[submission.split('/')[1]!]!;
      it(`${id}: ${submission} is judged ${expected}`, { timeout: 300_000 }, () => {
        const result = judged(id, submission);
        expect(result.verdict, JSON.stringify(result.tests.map((t) => [t.name, t.verdict, t.message]))).toBe(expected);
        expect(result.problemId).toBe(id);
        expect(result.tests.length).toBe(Object.keys(tree).filter((f) => f.endsWith('.in')).length);
      });
    }
  }

  it('scores groups: all of it for an accepted solution, only the small group for a 32-bit one', { timeout: 300_000 }, () => {
    expect(judged('list-sum', 'submissions/accepted/sum.py')).toMatchObject({ score: 100, maxScore: 100 });
    const overflow = judged('list-sum', 'submissions/wrong_answer/int32.cpp');
    expect(overflow).toMatchObject({ score: 30, maxScore: 100 });
    expect(overflow.groups.find((g) => g.group === 'data/secret/g1')).toMatchObject({ verdict: 'accepted', score: 30 });
    expect(overflow.groups.find((g) => g.group === 'data/secret/g2')).toMatchObject({ verdict: 'wrong-answer', score: 0 });
    const wrong = overflow.tests.find((t) => t.verdict === 'wrong-answer')!;
    expect(wrong.diff).toMatch(/- 4000000002\n\+ -294967294/);
    expect(overflow.compile).not.toBeNull();
  });

  it('reports CPU time over the limit as time-limit per test', { timeout: 300_000 }, () => {
    const spin = judged('list-sum', 'submissions/time_limit_exceeded/spin.py');
    for (const t of spin.tests) {
      expect(t.verdict).toBe('time-limit');
      // Over the CPU limit, or stopped by the wall-time backstop when the machine is very busy.
      expect(t.message).toMatch(/more than 2000 ms of CPU time|ran longer than \d+ ms \(wall time, /);
    }
  });

  it('passes the custom validator feedback through on a wrong answer', { timeout: 300_000 }, () => {
    const zero = judged('split', 'submissions/wrong_answer/zero.py');
    expect(zero.tests[0]).toMatchObject({ verdict: 'wrong-answer', feedback: 'numbers must be positive, got 0 5' });
  });

  it('accepts float answers within the tolerance and rejects rounded ones with the reason', { timeout: 300_000 }, () => {
    const rounded = judged('divide', 'submissions/wrong_answer/rounded.py');
    expect(rounded.tests[0]!.feedback).toMatch(/Too large difference/);
    expect(judged('divide', 'submissions/accepted/divide.py').tests.every((t) => t.verdict === 'accepted')).toBe(true);
  });

  it('exports back to the Kattis layout, as a folder and as a zip, file for file', { timeout: 120_000 }, () => {
    const folder = path.join(work, 'exported-split');
    expect(codecrafter(['problems', 'export', 'split', folder]).status).toBe(0);
    const walk = (dir: string, base = ''): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), `${base}${e.name}/`) : [`${base}${e.name}`]));
    expect(walk(folder).sort()).toEqual(Object.keys(packages.split!).sort());
    const zip = path.join(work, 'split.zip');
    expect(codecrafter(['problems', 'export', 'split', zip]).status).toBe(0);
    const again = codecrafter(['problems', 'import', zip, '--json']);
    expect(JSON.parse(again.stdout)).toEqual({ id: 'split', replaced: true });
  });
});

describe('the directory of submissions', () => {
  it('has a verdict folder the judge knows for every fixture submission', () => {
    for (const tree of Object.values(packages))
      for (const f of Object.keys(tree).filter((x) => x.startsWith('submissions/'))) expect(SUBMISSION_FOLDERS[f.split('/')[1]!]).toBeDefined();
  });
});
