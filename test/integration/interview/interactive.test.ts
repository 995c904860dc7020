// Interactive problems (issue 9): a "guess the number" package in the Kattis format whose
// validator is the interactor. `codecrafter judge <package dir> <source>` runs each submission
// beside the interactor in one real Docker sandbox, and every file under submissions/<verdict>/
// gets that verdict.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JUDGE_EXIT_STATUS } from '../../../main/cli/judge';
import { redactHiddenTests, SUBMISSION_FOLDERS, type JudgeResult } from '../../../common/problem';
import { cliRunner, tempDir } from './cli-helpers';
import { GUESS_BINARY_SEARCH_CPP, interactivePackage, writeTree } from './kattis-fixtures';

const work = tempDir('cc-interactive-');
const codecrafter = cliRunner(path.join(work, 'data'));

function judge(pkgDir: string, file: string): JudgeResult {
  const r = codecrafter(['judge', pkgDir, file, '--json']);
  if (r.stdout.trim() === '') throw new Error(`judge printed nothing: ${r.stderr}`);
  const result = JSON.parse(r.stdout) as JudgeResult;
  expect(r.status, `exit status for ${result.verdict}`).toBe(JUDGE_EXIT_STATUS[result.verdict]);
  return result;
}

const summary = (r: JudgeResult) => JSON.stringify(r.tests.map((t) => [t.name, t.verdict, t.message, t.feedback]));

describe('an interactive package with a C++ interactor', () => {
  const tree = interactivePackage('cpp');
  const dir = writeTree(path.join(work, 'guess'), tree);

  for (const submission of Object.keys(tree).filter((f) => f.startsWith('submissions/'))) {
    const expected = SUBMISSION_FOLDERS[submission.split('/')[1]!]!;
    it(`${submission} is judged ${expected}`, { timeout: 300_000 }, () => {
      const result = judge(dir, path.join(dir, submission));
      expect(result.verdict, summary(result)).toBe(expected);
      expect(result.tests).toHaveLength(4);
      if (expected === 'accepted') {
        // The interactor's feedback comes back per test, and the program's CPU time is its own.
        expect(result.tests.every((t) => /^found in \d+ guesses/.test(t.feedback ?? '')), summary(result)).toBe(true);
        expect(result.tests.every((t) => t.cpuMs !== null && t.exitCode === 0)).toBe(true);
      }
      if (submission.endsWith('gives_up.py')) expect(result.tests.find((t) => t.verdict === 'wrong-answer')?.feedback).toMatch(/stopped after 1 guesses/);
      if (submission.endsWith('linear.cpp')) expect(result.tests.find((t) => t.name === 'data/secret/2')).toMatchObject({ verdict: 'wrong-answer', feedback: expect.stringMatching(/more than 30 guesses/) });
      if (submission.endsWith('crash.py')) expect(result.tests[0]).toMatchObject({ verdict: 'runtime-error', exitCode: 3 });
      // What the candidate may see names no hidden test and carries none of its data or feedback.
      const visible = JSON.stringify(redactHiddenTests(result));
      expect(visible).not.toContain('987654321');
      expect(visible).not.toContain('"name":"data/secret');
    });
  }
});

describe('an interactive package with a Python interactor', () => {
  const tree = interactivePackage('python');
  const dir = writeTree(path.join(work, 'guess-py'), tree);

  it('accepts the binary search and rejects the others, in the Python sandbox', { timeout: 300_000 }, () => {
    for (const submission of Object.keys(tree).filter((f) => f.startsWith('submissions/'))) {
      const result = judge(dir, path.join(dir, submission));
      expect(result.verdict, `${submission}: ${summary(result)}`).toBe(SUBMISSION_FOLDERS[submission.split('/')[1]!]);
    }
  });

  it('says plainly that a C++ program cannot be judged with a Python interactor', { timeout: 300_000 }, () => {
    const result = judge(dir, writeTree(path.join(work, 'cpp-sub'), { 'main.cpp': GUESS_BINARY_SEARCH_CPP }) + '/main.cpp');
    expect(result.verdict).toBe('judge-error');
    expect(result.tests[0]!.message).toMatch(/interactor is written in Python and the C\+\+ sandbox has no Python/);
  });
});
