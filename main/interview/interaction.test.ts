import os from 'node:os';
import { describe, expect, it } from 'vitest';
import type { SupervisorReport } from '../sandbox/exec-phase';
import { judgeInteraction } from './interaction';

const limits = { cpuMs: 1000, wallMs: 11_000, memoryMb: 256, outputBytes: 1 << 20 };
const report = (over: Partial<SupervisorReport> = {}): SupervisorReport =>
  ({ exitCode: 0, signal: 0, timedOut: false, wallMs: 5, cpuMs: 3, maxRssKb: 900, oomKills: 0, error: '', ...over }) as SupervisorReport;
const nonce = 'n0';
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** A frame as the loop sends it: the program's report, and the interactor's feedback and stderr. */
function run(program: Partial<SupervisorReport> | null, interactor: Partial<SupervisorReport> | null, feedback = '', interactorStderr = '') {
  const err = `${interactorStderr}${interactor ? `\x1eCCR:${nonce}:${JSON.stringify(report(interactor))}\n` : ''}`;
  return judgeInteraction({ report: program ? report(program) : null, first: Buffer.from(`${b64(feedback)}\n${b64(err)}`), stderr: Buffer.from('Traceback') }, nonce, limits);
}

describe('the verdict of an interaction', () => {
  it('takes 42 and 43 from the interactor, with its feedback', () => {
    expect(run({}, { exitCode: 42 }, 'found in 4 guesses\n')).toMatchObject({ verdict: 'accepted', feedback: 'found in 4 guesses\n' });
    expect(run({}, { exitCode: 43 }, 'more than 4 guesses\n')).toMatchObject({ verdict: 'wrong-answer', feedback: 'more than 4 guesses\n' });
  });

  it("puts the program's time limit and crash before the interactor's verdict", () => {
    expect(run({ cpuMs: 1500, signal: os.constants.signals.SIGXCPU, exitCode: -1 }, { exitCode: 43 }).verdict).toBe('time-limit');
    expect(run({ timedOut: true, signal: os.constants.signals.SIGKILL, exitCode: -1 }, { exitCode: 43 }).verdict).toBe('time-limit');
    expect(run({ exitCode: 3 }, { exitCode: 42 })).toMatchObject({ verdict: 'runtime-error', stderr: Buffer.from('Traceback') });
    expect(run({ exitCode: 1 }, { exitCode: 43 }).verdict).toBe('runtime-error');
  });

  it('calls a program killed by SIGPIPE after the interactor hung up with 43 a wrong answer', () => {
    expect(run({ signal: os.constants.signals.SIGPIPE, exitCode: -1 }, { exitCode: 43 }).verdict).toBe('wrong-answer');
    expect(run({ signal: os.constants.signals.SIGPIPE, exitCode: -1 }, { exitCode: 42 }).verdict).toBe('runtime-error');
  });

  it('is a judge error when the interactor fails or gives no report', () => {
    expect(run({}, { exitCode: 1 }, '', 'bad input file\n')).toMatchObject({ verdict: 'judge-error', message: expect.stringMatching(/interactor failed \(exit status 1\): bad input file/) });
    expect(run({}, null).message).toMatch(/interactor failed \(no report\)/);
    expect(run(null, { exitCode: 42 }).verdict).toBe('judge-error');
  });
});
