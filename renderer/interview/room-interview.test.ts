import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ProblemPublic } from '../../common/interview';
import type { JudgeResult } from '../../common/problem';
import { publishInterview, readInterview, readSampleVerdicts, roomInterviewOf, SAMPLE_RESULT_META_KEY, sampleVerdictsOf, INTERVIEW_META_KEY } from './room-interview';

const problem: ProblemPublic = {
  id: 'two-sum',
  name: 'Gift Card Pair',
  type: 'pass-fail',
  markdown: '# Gift Card Pair',
  samples: [{ name: 'data/sample/01', input: '4 9\n2 7 11 15\n', answer: '1 2\n' }],
  starters: [
    { language: 'python', path: 'main.py', content: 'print()' },
    { language: 'cpp', path: 'main.cpp', content: 'int main(){}' },
  ],
  timeLimitMs: 2000,
  memoryMb: 256,
};

describe('the interview in the room doc', () => {
  it('publishes the public part for the chosen languages and reads it back', () => {
    const doc = new Y.Doc();
    publishInterview(doc.getMap('meta'), roomInterviewOf(problem, ['python']));
    const read = readInterview(doc.getMap('meta'));
    expect(read?.starters).toEqual([{ language: 'python', path: 'main.py' }]);
    expect(read?.samples).toEqual(problem.samples);
  });

  it('ignores what a peer wrote that does not parse, such as a path out of the room', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set(INTERVIEW_META_KEY, { ...roomInterviewOf(problem, ['python']), starters: [{ language: 'python', path: '../../.bashrc' }] });
    expect(readInterview(doc.getMap('meta'))).toBeNull();
    doc.getMap('meta').set(SAMPLE_RESULT_META_KEY, { at: 1, verdict: 'accepted' });
    expect(readSampleVerdicts(doc.getMap('meta'))).toBeNull();
  });

  it('keeps only sample tests of a judge result', () => {
    const result = {
      language: 'python',
      verdict: 'wrong-answer',
      tests: [
        { name: 'data/sample/01', sample: true, verdict: 'accepted', cpuMs: 1 },
        { name: 'data/secret/01', sample: false, verdict: 'wrong-answer', cpuMs: 1, diff: 'HIDDEN' },
      ],
    } as unknown as JudgeResult;
    const verdicts = sampleVerdictsOf(result, 5);
    expect(verdicts.tests.map((t) => t.name)).toEqual(['data/sample/01']);
    expect(JSON.stringify(verdicts)).not.toContain('HIDDEN');
  });
});
