// A package without a time limit: `judge` derives one from submissions/accepted as problemtools
// does (slowest test x time_multiplier, whole seconds), says so, and the bank keeps it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JudgeResult } from '../../../common/problem';
import { limitFromRuntime } from '../../../main/interview/time-limit';
import { cliRunner, tempDir } from './cli-helpers';
import { floatPackage, writeTree } from './kattis-fixtures';

describe('derived time limit', () => {
  it('rounds the slowest accepted run times the multiplier to whole seconds, at least 1 s', () => {
    expect(limitFromRuntime(30, 5)).toBe(1000);
    expect(limitFromRuntime(450, 5)).toBe(2000);
    expect(limitFromRuntime(700, 5)).toBe(4000);
    expect(limitFromRuntime(700, 2)).toBe(1000);
  });

  it('is derived on first judging and kept in the bank', { timeout: 600_000 }, () => {
    const work = tempDir('cc-derive-');
    const tree = floatPackage();
    tree['problem.yaml'] = 'name: Divide\nvalidator_flags: float_tolerance 1e-6\nlimits:\n  time_multiplier: 3\n';
    writeTree(path.join(work, 'divide'), tree);
    const codecrafter = cliRunner(path.join(work, 'data'));
    expect(codecrafter(['problems', 'import', path.join(work, 'divide')]).stdout).toBe('divide\n');
    expect(JSON.parse(codecrafter(['problems', 'list', '--json']).stdout)[0].timeLimitMs).toBeNull();
    const r = codecrafter(['judge', 'divide', path.join(work, 'divide/submissions/wrong_answer/rounded.py'), '--json']);
    const result = JSON.parse(r.stdout) as JudgeResult;
    expect(result).toMatchObject({ verdict: 'wrong-answer', timeLimitSource: 'derived' });
    expect(result.timeLimitMs % 1000).toBe(0);
    expect(result.timeLimitMs).toBeGreaterThanOrEqual(1000);
    expect(r.status).toBe(10);
    expect(JSON.parse(codecrafter(['problems', 'list', '--json']).stdout)[0].timeLimitMs).toBe(result.timeLimitMs);
  });
});
