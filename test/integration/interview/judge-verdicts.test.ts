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

  it('a compiled program over the problem limit is memory-limit by its measured peak, under the compiler\'s limit kept as a cap', { timeout: 300_000 }, async () => {
    // 100 MB touched, then the right answer: only the memory decides. The C++ container keeps
    // its compiler's limit (1 GB), so the program is not killed at 64 MB but measured past it.
    const hog = [
      '#include <cstdio>',
      '#include <cstdlib>',
      '#include <cstring>',
      'int main() {',
      '  size_t n = (size_t)100 << 20;',
      '  char *p = (char *)malloc(n);',
      '  memset(p, 1, n);',
      '  double a, b;',
      '  if (scanf("%lf %lf", &a, &b) == 2) printf("%.9f\\n", a / b + p[n - 1] - 1);',
      '}',
    ].join('\n');
    const r = await judge.judge(pkg, source('main.cpp', hog), { tests: 'sample' });
    expect(r.memoryMb).toBe(64);
    expect(r.tests[0]).toMatchObject({ verdict: 'memory-limit' });
    expect(r.tests[0]!.message).toMatch(/more than the 64 MB allowed/);
    expect(r.tests[0]!.peakMemoryKb).toBeGreaterThan(100 * 1024);
    // The same program under the limit passes: the peak rule does not reject what fits.
    const fits = await judge.judge(pkg, source('main.cpp', hog.replace('100 << 20', '20 << 20')), { tests: 'sample' });
    expect(fits.tests[0], JSON.stringify(fits.tests[0])).toMatchObject({ verdict: 'accepted' });
  });

  it('a runtime that sizes its heap from the container gets the problem limit as the container\'s', { timeout: 300_000 }, async () => {
    // The JVM takes 75% of the container's memory as its heap (MaxRAMPercentage): with the
    // compiler's limit left in place it would plan for over a gigabyte.
    const main = [
      'import java.util.Scanner;',
      'public class Main {',
      '  public static void main(String[] args) {',
      '    long max = Runtime.getRuntime().maxMemory();',
      '    if (max > (64L << 20)) throw new IllegalStateException("heap of " + max + " bytes");',
      '    Scanner in = new Scanner(System.in);',
      '    double a = in.nextDouble(), b = in.nextDouble();',
      '    System.out.printf("%.9f%n", a / b);',
      '  }',
      '}',
    ].join('\n');
    const r = await judge.judge(pkg, source('Main.java', main), { tests: 'sample' });
    expect(r.tests[0], JSON.stringify(r.tests[0])).toMatchObject({ verdict: 'accepted' });
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

  it('a compiler that prints more than the output limit is a compile-error, and nothing runs', { timeout: 300_000 }, async () => {
    // ~20 000 errors of ~120 bytes each: over the 1 MB compile output limit.
    const flood = Array.from({ length: 20_000 }, (_, i) => `int v${i} = ;`).join('\n');
    const r = await judge.judge(pkg, source('main.cpp', flood));
    expect(r.verdict).toBe('compile-error');
    expect(r.message).toMatch(/the compiler wrote more than \d+ bytes/);
    expect(r.compile?.output.length).toBeLessThanOrEqual(20_000);
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
