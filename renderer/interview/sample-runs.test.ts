import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JudgeResult, TestCaseResult } from '../../common/problem';
import { channelPair, type ChannelSender } from '../collab/room-channel';
import { createSampleRunRequester, RUN_SAMPLES_TOPIC, SAMPLE_RESULT_TOPIC, serveSampleRuns, SAMPLE_RUNS_PER_MINUTE, type SampleRunRequest } from './sample-runs';

const requestSampleRun = createSampleRunRequester();

// Sample runs over the room channel (in memory; the judge itself is tested with real Docker in
// test/integration/interview). The judge here is a function that returns what a judge returns,
// including, on purpose, a hidden test with its diff: what the interviewer sends must not hold it.

const interviewer: ChannelSender = { key: 'a'.repeat(64), fingerprint: 'aaaa', name: 'Ivy', role: 'interviewer' };
const candidate: ChannelSender = { key: 'b'.repeat(64), fingerprint: 'bbbb', name: 'Cal', role: 'candidate' };
const viewer: ChannelSender = { key: 'c'.repeat(64), fingerprint: 'cccc', name: 'Vic', role: 'viewer' };
/** How the app lets a candidate in today: the knock's "Admit as editor". */
const editor: ChannelSender = { key: 'd'.repeat(64), fingerprint: 'dddd', name: 'Eve', role: 'editor' };

const HIDDEN_ANSWER = 'HIDDEN-ANSWER-4242';

function test(name: string, sample: boolean, verdict: TestCaseResult['verdict'], diff?: string): TestCaseResult {
  return { name, group: sample ? 'data/sample' : 'data/secret', sample, verdict, cpuMs: 5, wallMs: 6, peakMemoryKb: 1000, exitCode: 0, signal: null, score: null, ...(diff ? { diff } : {}) };
}

function judgeResult(verdict: JudgeResult['verdict']): JudgeResult {
  return {
    problemId: 'two-sum',
    language: 'python',
    verdict,
    score: null,
    maxScore: null,
    timeLimitMs: 2000,
    timeLimitSource: 'problem',
    memoryMb: 256,
    compile: null,
    tests: [test('data/sample/01', true, verdict, verdict === 'wrong-answer' ? '--- expected\n+++ got\n-1 2\n+-1' : undefined), test('data/secret/01', false, 'wrong-answer', `-${HIDDEN_ANSWER}`)],
    groups: [],
    wallMs: 100,
  };
}

const request = { language: 'python' as const, entry: 'main.py', files: [{ path: 'main.py', content: 'print(1)' }] };

describe('sample runs over the room channel', () => {
  it("runs the candidate's samples on the interviewer's side and answers with sample verdicts only", async () => {
    const [ic, cc] = channelPair(interviewer, candidate);
    const asked: SampleRunRequest[] = [];
    const askers: ChannelSender[] = [];
    serveSampleRuns(ic!, async (r, from) => {
      asked.push(r);
      askers.push(from);
      return judgeResult('wrong-answer');
    });
    const result = await requestSampleRun(cc!, interviewer.key, request);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.files).toEqual(request.files);
    // The recording names who asked (interview-room.ts passes it to the judge).
    expect(askers).toEqual([candidate]);
    expect(result.verdict).toBe('wrong-answer');
    expect(result.tests.map((t) => t.name)).toEqual(['data/sample/01']);
    expect(result.tests[0]!.diff).toContain('+-1');
    expect(JSON.stringify(result)).not.toContain(HIDDEN_ANSWER);
  });

  it('refuses a viewer, a malformed request and a path that leaves the room; rate-limits', async () => {
    const [ic, cc, vc] = channelPair(interviewer, candidate, viewer);
    const refused: string[] = [];
    let runs = 0;
    serveSampleRuns(ic!, async () => (runs++, judgeResult('accepted')), { onRefused: (reason) => refused.push(reason) });
    await expect(requestSampleRun(vc!, interviewer.key, request)).rejects.toThrow('a viewer may not run the samples');
    cc!.send(RUN_SAMPLES_TOPIC, { requestId: 'x', language: 'python', entry: '../etc/passwd', files: [{ path: '../etc/passwd', content: '' }] }, interviewer.key);
    cc!.send(RUN_SAMPLES_TOPIC, { requestId: 'y', language: 'python', entry: 'main.py', files: [{ path: 'main.py', content: '' }], tests: 'secret' }, interviewer.key);
    await new Promise((r) => setTimeout(r, 0));
    expect(refused.slice(1).every((r) => r.startsWith('a malformed sample run request'))).toBe(true);
    expect(refused).toHaveLength(3);
    expect(runs).toBe(0);
    for (let i = 0; i < SAMPLE_RUNS_PER_MINUTE; i++) await requestSampleRun(cc!, interviewer.key, request);
    await expect(requestSampleRun(cc!, interviewer.key, request)).rejects.toThrow(/at most/);
    expect(runs).toBe(SAMPLE_RUNS_PER_MINUTE);
  });

  it('a candidate let in as an editor runs the samples (a viewer, as a locked candidate is, may not: above)', async () => {
    const [ic, ec] = channelPair(interviewer, editor);
    let runs = 0;
    serveSampleRuns(ic!, async () => (runs++, judgeResult('accepted')));
    expect((await requestSampleRun(ec!, interviewer.key, request)).verdict).toBe('accepted');
    expect(runs).toBe(1);
  });

  it('a candidate ignores a sample result that does not come from the interviewer', async () => {
    const [ic, cc, vc] = channelPair(interviewer, candidate, viewer);
    serveSampleRuns(ic!, () => new Promise((resolve) => setTimeout(() => resolve(judgeResult('accepted')), 20)));
    const pending = requestSampleRun(cc!, interviewer.key, request);
    // A third peer races a forged answer for every request id it might guess.
    vc!.send(SAMPLE_RESULT_TOPIC, { requestId: 'anything', error: 'forged' }, candidate.key);
    const result = await pending;
    expect(result.verdict).toBe('accepted');
  });

  describe('request ids', () => {
    afterEach(() => vi.restoreAllMocks());

    it('tells apart two requests asked in the same millisecond, each answered with its own result', async () => {
      vi.spyOn(Date, 'now').mockReturnValue(1_700_000_000_000);
      const [ic, cc] = channelPair(interviewer, candidate);
      const ids: string[] = [];
      ic!.on(RUN_SAMPLES_TOPIC, (payload) => ids.push((payload as { requestId: string }).requestId));
      // Answers in the reverse order: each request must take only the answer to its own id.
      ic!.on(RUN_SAMPLES_TOPIC, () => {
        if (ids.length < 2) return;
        ic!.send(SAMPLE_RESULT_TOPIC, { requestId: ids[1], result: judgeResult('accepted') }, candidate.key);
        ic!.send(SAMPLE_RESULT_TOPIC, { requestId: ids[0], result: judgeResult('wrong-answer') }, candidate.key);
      });
      const ask = createSampleRunRequester();
      const first = ask(cc!, interviewer.key, request, 1000);
      const second = ask(cc!, interviewer.key, request, 1000);
      expect((await first).verdict).toBe('wrong-answer');
      expect((await second).verdict).toBe('accepted');
      expect(new Set(ids).size).toBe(2);
    });
  });
});
