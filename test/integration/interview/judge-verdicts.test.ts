// The judge's per-test verdicts on real Docker: memory, output and compile failures, stopping at
// the first failure, samples only, and what a candidate may see of hidden tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactHiddenTests } from '../../../common/problem';
import { Judge } from '../../../main/interview/judge';
import { openJudgePool } from '../../../main/interview/judge-pool';
import { readProblemPackage } from '../../../main/interview/package-reader';
import type { ProblemPackage } from '../../../main/interview/problem-package';
import { floatPackage } from './kattis-fixtures';

const enc = (s: string) => new TextEncoder().encode(s);
const source = (path: string, text: string) => ({ files: [{ path, content: enc(text) }] });

let judge: Judge;
let pkg: ProblemPackage;
beforeAll(async () => {
  const tree = floatPackage();
  tree['problem.yaml'] = 'name: Divide\nvalidator_flags: float_tolerance 1e-6\nlimits:\n  time_limit: 2\n  memory: 64\n  output: 1\n';
  pkg = readProblemPackage(new Map(Object.entries(tree).map(([k, v]) => [k, enc(v)])), 'divide');
  const pool = await openJudgePool();
  pool.warm(['python']);
  judge = new Judge(pool);
});
afterAll(async () => {
  await judge?.dispose();
});

describe('judge verdicts', () => {
  it('memory over the problem limit is memory-limit', { timeout: 300_000 }, async () => {
    const r = await judge.judge(pkg, source('hog.py', 'x = bytearray(200 * 1024 * 1024)\nprint(len(x))\n'), { abortOnFirstFailure: true });
    expect(r.memoryMb).toBe(64);
    expect(r.tests[0]).toMatchObject({ verdict: 'memory-limit' });
    expect(r.tests.slice(1).every((t) => t.verdict === 'skipped')).toBe(true);
  });

  it('output over the problem limit is output-limit', { timeout: 300_000 }, async () => {
    const r = await judge.judge(pkg, source('spam.py', 'import sys\nwhile True:\n    sys.stdout.write("x" * 65536)\n'), { tests: 'sample' });
    expect(r.tests).toHaveLength(1);
    expect(r.tests[0]).toMatchObject({ verdict: 'output-limit', sample: true });
  });

  it('a compile failure is compile-error with the compiler output, and nothing runs', { timeout: 300_000 }, async () => {
    const r = await judge.judge(pkg, source('main.cpp', 'int main() { return missing; }\n'));
    expect(r.verdict).toBe('compile-error');
    expect(r.compile?.output).toMatch(/missing/);
    expect(r.tests.every((t) => t.verdict === 'compile-error' && t.cpuMs === null)).toBe(true);
  });

  it('a runtime error keeps the head of stderr; a candidate sees no hidden test detail', { timeout: 300_000 }, async () => {
    const r = await judge.judge(pkg, source('boom.py', 'a, b = map(int, input().split())\nprint(a // (b - b))\n'));
    expect(r.verdict).toBe('runtime-error');
    expect(r.tests.every((t) => t.verdict === 'runtime-error' && /ZeroDivisionError/.test(t.stderr ?? ''))).toBe(true);
    const seen = redactHiddenTests(r);
    expect(seen.tests[0]!.stderr).toMatch(/ZeroDivisionError/);
    expect(seen.tests.slice(1).every((t) => t.stderr === undefined && t.name.startsWith('hidden'))).toBe(true);
  });

  it('refuses submission paths that climb out', async () => {
    await expect(judge.judge(pkg, source('../x.py', 'print(1)\n'))).rejects.toThrow(/would leave the workspace/);
  });
});
