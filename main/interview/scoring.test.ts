import { describe, expect, it } from 'vitest';
import type { TestCaseResult, TestVerdict } from '../../common/problem';
import type { TestGroup } from './problem-package';
import { scoreResults } from './scoring';

const test = (name: string, verdict: TestVerdict): TestCaseResult => ({
  name,
  group: name.slice(0, name.lastIndexOf('/')),
  sample: name.startsWith('data/sample'),
  verdict,
  cpuMs: 1,
  wallMs: 1,
  peakMemoryKb: 1,
  exitCode: 0,
  signal: null,
  score: null,
});

const groups: TestGroup[] = [
  { path: 'data', own: null, effective: {} },
  { path: 'data/sample', own: null, effective: {} },
  { path: 'data/secret', own: null, effective: {} },
  { path: 'data/secret/g1', own: { accept_score: 30, grader_flags: 'min' }, effective: { accept_score: 30, grader_flags: 'min' } },
  { path: 'data/secret/g2', own: { accept_score: 70, aggregation: 'min' }, effective: { accept_score: 70, aggregation: 'min' } },
];

describe('scoring with test groups', () => {
  it('sums groups that each score their accept_score only when every test passes (min)', () => {
    const tests = [
      test('data/sample/1', 'wrong-answer'),
      test('data/secret/g1/1', 'accepted'),
      test('data/secret/g1/2', 'accepted'),
      test('data/secret/g2/1', 'accepted'),
      test('data/secret/g2/2', 'time-limit'),
    ];
    const scored = scoreResults(tests, groups);
    expect(scored.score).toBe(30);
    expect(scored.maxScore).toBe(100);
    expect(scored.groups.find((g) => g.group === 'data/secret/g2')).toMatchObject({ verdict: 'time-limit', score: 0 });
    expect(scored.groups.find((g) => g.group === 'data/secret/g1')).toMatchObject({ verdict: 'accepted', score: 30 });
  });

  it('sums per test when a group says sum', () => {
    const sumGroups = groups.map((g) => (g.path === 'data/secret/g1' ? { ...g, effective: { accept_score: 10, aggregation: 'sum' as const } } : g));
    const scored = scoreResults([test('data/secret/g1/1', 'accepted'), test('data/secret/g1/2', 'wrong-answer'), test('data/secret/g2/1', 'accepted')], sumGroups);
    expect(scored.score).toBe(80);
    expect(scored.maxScore).toBe(90);
  });
});
