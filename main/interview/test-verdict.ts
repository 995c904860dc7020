// The verdict of one test case's run, before its output is validated: what the nested
// supervisor measured, against the problem's limits. Time is CPU time per test case (RLIMIT_CPU
// and the measured CPU), with a wall-time backstop for programs that sleep or wait.
import os from 'node:os';
import type { TestVerdict } from '../../common/problem';
import type { SupervisorReport } from '../sandbox/exec-phase';
import { signalName } from '../sandbox/verdict';

export interface TestLimits {
  cpuMs: number;
  wallMs: number;
  memoryMb: number;
  outputBytes: number;
}

export interface RunJudgement {
  /** Null when the run ended normally and its output is to be validated. */
  verdict: Exclude<TestVerdict, 'accepted' | 'wrong-answer' | 'skipped'> | null;
  message?: string;
}

export function judgeTestRun(report: SupervisorReport | null, outputLength: number, limits: TestLimits): RunJudgement {
  if (!report) return { verdict: 'judge-error', message: 'the sandbox gave no report for this test' };
  if (report.error) return { verdict: 'judge-error', message: `the sandbox failed: ${report.error}` };
  if (report.oomKills > 0) return { verdict: 'memory-limit', message: `the program used more than ${limits.memoryMb} MB of memory and was killed` };
  // The container's own limit may be higher than the problem's (the compiler's, kept as a cap:
  // JudgeBox's memoryByPeak), so the peak resident memory of the test's largest process decides.
  if (report.maxRssKb > limits.memoryMb * 1024)
    return { verdict: 'memory-limit', message: `the program used ${Math.ceil(report.maxRssKb / 1024)} MB of memory, more than the ${limits.memoryMb} MB allowed` };
  const { SIGXCPU, SIGKILL, SIGXFSZ } = os.constants.signals;
  if (report.cpuMs > limits.cpuMs || report.signal === SIGXCPU || (report.signal === SIGKILL && report.cpuMs >= limits.cpuMs))
    return { verdict: 'time-limit', message: `the program used more than ${limits.cpuMs} ms of CPU time` };
  if (report.timedOut)
    return {
      verdict: 'time-limit',
      message: `the program ran longer than ${limits.wallMs} ms (wall time, ${Math.round(report.cpuMs)} ms of CPU) and was stopped: it waited or slept, or the machine is very busy`,
    };
  if (report.signal === SIGXFSZ || outputLength >= limits.outputBytes)
    return { verdict: 'output-limit', message: `the program wrote more than ${limits.outputBytes} bytes` };
  if (report.signal) return { verdict: 'runtime-error', message: `the program was killed by ${signalName(report.signal)}` };
  if (report.exitCode !== 0) return { verdict: 'runtime-error', message: `the program exited with status ${report.exitCode}` };
  return { verdict: null };
}
