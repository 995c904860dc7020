import { describe, expect, it } from 'vitest';
import type { SupervisorReport } from '../sandbox/exec-phase';
import { judgeTestRun } from './test-verdict';

const limits = { cpuMs: 1000, wallMs: 11_000, memoryMb: 64, outputBytes: 1 << 20 };
const report = (over: Partial<SupervisorReport>): SupervisorReport => ({ exitCode: 0, signal: 0, timedOut: false, wallMs: 5, cpuMs: 3, maxRssKb: 4_000, oomKills: 0, error: '', ...over });

describe('judgeTestRun', () => {
  it('a peak over the problem limit is memory-limit even when nothing was killed (the container may keep a higher cap)', () => {
    expect(judgeTestRun(report({ maxRssKb: 64 * 1024 + 1 }), 3, limits)).toEqual({ verdict: 'memory-limit', message: 'the program used 65 MB of memory, more than the 64 MB allowed' });
  });

  it('a peak at the limit is no verdict of its own', () => {
    expect(judgeTestRun(report({ maxRssKb: 64 * 1024 }), 3, limits)).toEqual({ verdict: null });
  });

  it('memory goes before time: a program over both was over its memory first, where a cgroup at the limit would have killed it', () => {
    expect(judgeTestRun(report({ maxRssKb: 200 * 1024, cpuMs: 1500, signal: 24 }), 0, limits).verdict).toBe('memory-limit');
  });

  it('an OOM kill stays memory-limit', () => {
    expect(judgeTestRun(report({ oomKills: 1, signal: 9, exitCode: -1 }), 0, limits).verdict).toBe('memory-limit');
  });
});
