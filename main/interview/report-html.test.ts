import { describe, expect, it } from 'vitest';
import { emptyRubric, type InterviewInfo } from '../../common/interview';
import type { JudgeResult } from '../../common/problem';
import { reportHtml, summariseTimeline } from './report-html';

// The report holds what the candidate typed and what a package says: all of it must stay text.

const hostile = '</pre><script>alert(1)</script><img src=x onerror=alert(2)>';

function result(): JudgeResult {
  return {
    problemId: 'p',
    language: 'python',
    verdict: 'wrong-answer',
    score: null,
    maxScore: null,
    timeLimitMs: 1000,
    timeLimitSource: 'problem',
    memoryMb: 256,
    compile: null,
    tests: [{ name: 'data/sample/1', group: 'data/sample', sample: true, verdict: 'wrong-answer', cpuMs: 3, wallMs: 4, peakMemoryKb: 1, exitCode: 0, signal: null, score: null, diff: `-3\n+${hostile}` }],
    groups: [],
    wallMs: 10,
  };
}

function interview(): InterviewInfo {
  return {
    id: 'iv-0123456789abcdef',
    problemId: 'p',
    problemName: `Sum ${hostile}`,
    languages: ['python'],
    folder: '/tmp/x',
    startedAt: 1_000_000,
    sessionId: null,
    notes: [{ id: 1, time: 1_090_000, text: `note ${hostile}` }],
    rubric: { ...emptyRubric(), overall: 3, summary: `sum ${hostile}` },
    runs: [{ id: 1, time: 1_050_000, tests: 'sample', entry: 'main.py', result: result() }],
  };
}

describe('reportHtml', () => {
  it('escapes code, names, notes, rubric and diffs, and has no script', () => {
    const html = reportHtml({
      interview: interview(),
      statementMarkdown: `# Sum\n\n${hostile}\n\n[x](javascript:alert(3))`,
      files: [{ path: 'main.py', content: `print(1) # ${hostile}` }],
      timeline: summariseTimeline({ sessionId: 's', startTime: 1_000_000, endTime: 1_120_000, lastSeq: 9, tracks: [{ author: 'you', updates: 9, spans: [] }], markers: [{ kind: 'paste', time: 1, seq: 1, author: null, label: '' }, { kind: 'focus-lost', time: 2, seq: 2, author: null, label: '' }, { kind: 'judge', time: 1_065_000, seq: 3, author: 'client:7', label: `Sample tests — wrong-answer (0/1 passed), asked by ${hostile}` }], idle: [] }),
      sessionStart: 1_000_000,
      sessionExport: null,
      createdAt: 2_000_000,
    });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('print(1) # &lt;/pre&gt;&lt;script&gt;');
    expect(html).toContain('<b>1:30</b> note &lt;/pre&gt;');
    expect(html).toContain('Overall: 3 — Yes');
    expect(html).toContain('<li>Pastes: 1</li><li>Focus losses: 1</li>');
    expect(html).toContain('<li>Judge runs:<ul><li>1:05 Sample tests — wrong-answer (0/1 passed), asked by &lt;/pre&gt;&lt;script&gt;');
    expect(html).toContain('<li>Duration: 2:00</li><li>Edits by you: 9</li>');
    expect(html).toContain("default-src 'none'");
  });
});
