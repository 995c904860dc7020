// `codecrafter problems` and `codecrafter judge` run in this process on a real problem bank
// (SQLite in a temporary data dir) and real Docker sandboxes: import, list, export, delete, a
// judged submission per verdict, a time limit derived once and kept, and every usage refusal.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import judge, { JUDGE_EXIT_STATUS } from '../../../main/cli/judge';
import problems from '../../../main/cli/problems';
import { writeTree } from '../interview/kattis-fixtures';
import { runCommand } from './capture';

const work = mkdtempSync(path.join(os.tmpdir(), 'cc-cli-problems-'));
const dataDir = path.join(work, 'data');
const noShipped = path.join(work, 'no-shipped');
mkdirSync(noShipped);

// Doubles a number. No time limit is stated, so the judge derives one from the accepted submission.
const DOUBLE = {
  'problem.yaml': 'name: Double\nlicense: cc0\n',
  'problem_statement/problem.en.md': '# Double\n\nPrint $2n$.\n',
  'data/sample/1.in': '2\n',
  'data/sample/1.ans': '4\n',
  'data/secret/2.in': '21\n',
  'data/secret/2.ans': '42\n',
  'submissions/accepted/double.py': 'print(2 * int(input()))\n',
};
const pkgDir = writeTree(path.join(work, 'double'), DOUBLE);
const src = path.join(work, 'src');
mkdirSync(src);
writeFileSync(path.join(src, 'double.py'), 'print(2 * int(input()))\n');
// Right on the sample (2 + 2 = 4), wrong on the secret test.
writeFileSync(path.join(src, 'plus2.py'), 'print(int(input()) + 2)\n');
writeFileSync(path.join(src, 'broken.cpp'), 'int main( {\n');

const bank = (argv: string[]) => runCommand(problems, [...argv, '--data-dir', dataDir]);
const judged = (argv: string[]) => runCommand(judge, [...argv, '--data-dir', dataDir]);

beforeAll(() => {
  vi.stubEnv('CODECRAFTER_PROBLEMS_DIR', noShipped);
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(work, { recursive: true, force: true });
});

describe('codecrafter problems (in process)', () => {
  it('says the bank is empty, then imports a package and lists it', async () => {
    expect(await bank(['list'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^the bank is empty/) });
    const imported = await bank(['import', pkgDir]);
    expect(imported).toMatchObject({ code: 0, stdout: 'double\n', stderr: '' });

    const text = await bank(['list']);
    expect(text.stdout).toMatch(/^double\s+pass-fail\s+1 samples\s+1 hidden\s+time limit not derived yet\s+Double\n$/);
    const json = JSON.parse((await bank(['list', '--json'])).stdout);
    expect(json).toMatchObject([{ id: 'double', name: 'Double', samples: 1, secretTests: 1, timeLimitMs: null }]);
  });

  it('re-importing as JSON reports the outcome', async () => {
    const again = await bank(['import', pkgDir, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ id: 'double' });
  });

  it('exports the problem back to the Kattis layout', async () => {
    const out = path.join(work, 'exported');
    const r = await bank(['export', 'double', out]);
    expect(r).toMatchObject({ code: 0, stderr: `exported double to ${out}\n` });
    for (const [file, content] of Object.entries(DOUBLE)) {
      if (file.startsWith('submissions/')) continue;
      expect(readFileSync(path.join(out, file), 'utf8'), file).toBe(content);
    }
  });

  it('refuses an unknown problem (1), a bad package (JSON error) and bad usage (2)', async () => {
    expect(await bank(['export', 'nope', path.join(work, 'x')])).toMatchObject({ code: 1, stderr: expect.stringMatching(/no problem "nope" in the bank/) });
    expect(existsSync(path.join(work, 'x'))).toBe(false);

    const empty = path.join(work, 'empty-package');
    mkdirSync(empty);
    const bad = await bank(['import', empty, '--json']);
    expect(bad.code).toBeGreaterThan(0);
    expect(JSON.parse(bad.stdout).error).toEqual(expect.any(String));

    expect(await bank(['import'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/import takes 1 argument/) });
    expect(await bank(['rename', 'a', 'b'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown command 'rename'/) });
    expect(await runCommand(problems, [])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^usage: codecrafter problems/) });
    expect(await runCommand(problems, ['--what'])).toMatchObject({ code: 2 });
    expect(await runCommand(problems, ['--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: codecrafter problems/) });
  });
});

describe('codecrafter judge (in process)', () => {
  it('accepts a right submission, derives the time limit and keeps it in the bank', { timeout: 300_000 }, async () => {
    const r = await judged(['double', path.join(src, 'double.py')]);
    expect(r.code, r.stderr).toBe(JUDGE_EXIT_STATUS.accepted);
    expect(r.stdout).toMatch(/^accepted\s+data\/sample\/1 \d+ ms\n/m);
    expect(r.stdout).toMatch(/^accepted\s+data\/secret\/2 \d+ ms\n/m);
    expect(r.stdout).toMatch(/\naccepted — time limit \d+ ms \(derived\), \d+ ms in all\n$/);
    const [listed] = JSON.parse((await bank(['list', '--json'])).stdout);
    expect(listed.timeLimitMs).toBeGreaterThan(0);
    expect(r.stdout).toContain(`time limit ${listed.timeLimitMs} ms (derived)`);
  });

  it('reports a wrong answer per test as JSON, with the exit status for wrong-answer', { timeout: 300_000 }, async () => {
    const r = await judged(['double', path.join(src, 'plus2.py'), '--json', '--time-limit', '2000']);
    expect(r.code, r.stderr).toBe(JUDGE_EXIT_STATUS['wrong-answer']);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ verdict: 'wrong-answer', timeLimitMs: 2000, timeLimitSource: 'override' });
    expect(result.tests.map((t: { name: string; verdict: string }) => [t.name, t.verdict])).toEqual([
      ['data/sample/1', 'accepted'],
      ['data/secret/2', 'wrong-answer'],
    ]);
  });

  it('judges a package folder directly and stops at the first failure with --abort-on-failure', { timeout: 300_000 }, async () => {
    const r = await runCommand(judge, [pkgDir, path.join(src, 'plus2.py'), '--tests', 'secret', '--abort-on-failure', '--time-limit', '2000']);
    expect(r.code, r.stderr).toBe(JUDGE_EXIT_STATUS['wrong-answer']);
    expect(r.stdout).toMatch(/^wrong-answer\s+data\/secret\/2 \d+ ms {2}\(the output is not the expected answer\)\n/m);
    // The validator's feedback is printed, indented, under the test it is about.
    expect(r.stdout).toMatch(/^ {4}Judge: "42"\n {4}Team: "23"\n/m);
    expect(r.stdout).not.toContain('sample/1');
    expect(r.stdout).toContain('(override)');
  });

  it('reports a compile error with its exit status', { timeout: 300_000 }, async () => {
    const r = await judged(['double', path.join(src, 'broken.cpp'), '--json', '--time-limit', '2000']);
    expect(r.code, r.stderr).toBe(JUDGE_EXIT_STATUS['compile-error']);
    expect(JSON.parse(r.stdout).verdict).toBe('compile-error');
  });

  it('refuses bad usage before anything runs', async () => {
    const usage = async (argv: string[], pattern: RegExp) => {
      const r = await judged(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(pattern);
    };
    await usage(['double'], /give a problem and at least one source file/);
    await usage(['double', path.join(src, 'double.py'), '--lang', 'cobol'], /unknown language "cobol"/);
    await usage(['double', path.join(src, 'double.py'), '--tests', 'some'], /--tests is all, sample or secret/);
    await usage(['double', path.join(src, 'double.py'), '--time-limit', '5'], /--time-limit is a whole number of ms between 100 and 60000/);
    await usage(['double', path.join(src, 'missing.py')], /missing\.py is not a file/);
    await usage(['double', path.join(src, 'double.py'), path.join(work, 'double', 'problem.yaml')], /is not in the folder of/);
    const big = path.join(src, 'big.py');
    writeFileSync(big, `# ${'x'.repeat(1 << 20)}\n`);
    await usage(['double', big], /big\.py is larger than 1 MB/);
    await usage(['double', src, '--bogus'], /Unknown option '--bogus'/);

    const json = await judged(['double', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ error: 'give a problem and at least one source file' });
    expect(await runCommand(judge, ['--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: codecrafter judge/) });
  });

  it('refuses an unknown problem with status 1', async () => {
    const r = await judged(['no-such-problem', path.join(src, 'double.py')]);
    expect(r).toMatchObject({ code: 1, stderr: expect.stringMatching(/no problem "no-such-problem" in the bank/) });
  });
});

describe('codecrafter problems delete', () => {
  it('removes the problem from the bank', async () => {
    expect(await bank(['delete', 'double'])).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse((await bank(['list', '--json'])).stdout)).toEqual([]);
  });
});
