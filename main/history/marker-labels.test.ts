import { describe, expect, it } from 'vitest';
import { chatLabel, formatSeconds, pasteLabel, runEndLabel, runStartLabel, snapshotLabel } from './marker-labels';

describe('marker labels', () => {
  const start = { kind: 'run-start', author: 'you', runId: '6f1c2d8e-0000-4000-8000-000000000000', entry: 'main.py', language: 'python' } as const;

  it('names the file that ran, the verdict and the wall time, never the run id', () => {
    expect(runStartLabel(start)).toBe('Run main.py started');
    expect(runEndLabel({ kind: 'run-end', author: 'you', runId: start.runId, verdict: 'ok', wallMs: 120 }, start)).toBe('Run main.py — ok (0.12 s)');
    const failed = runEndLabel({ kind: 'run-end', author: 'you', runId: start.runId, verdict: 'runtime-error', exitCode: 3, wallMs: 12_345 }, start);
    expect(failed).toBe('Run main.py — runtime-error, exit 3 (12.3 s)');
    expect(failed).not.toContain(start.runId);
  });

  it('falls back to the language, then to a plain word, when the entry is unknown', () => {
    const end = { kind: 'run-end', author: 'you', runId: 'r1', verdict: 'time-limit' } as const;
    expect(runEndLabel(end, { ...start, entry: undefined })).toBe('Run python program — time-limit');
    expect(runEndLabel(end, undefined)).toBe('Run program — time-limit');
  });

  it('reads pastes, chat, snapshots and times as sentences', () => {
    expect(pasteLabel({ kind: 'paste', author: 'you', file: 'a.py', length: 1 })).toBe('Pasted 1 character into a.py');
    expect(pasteLabel({ kind: 'paste', author: 'you', file: 'a.py', length: 6 })).toBe('Pasted 6 characters into a.py');
    expect(chatLabel('hello\n  there')).toBe('Chat: hello there');
    expect(chatLabel(`${'word '.repeat(30)}end`)).toMatch(/^Chat: (word ){15,}?word…$/);
    expect(snapshotLabel('before run')).toBe('Snapshot “before run”');
    expect(formatSeconds(3400)).toBe('3.40 s');
  });
});
