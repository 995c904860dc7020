// Turns what a phase measured into a verdict. Kept apart from Docker so the rules are plain to
// read and shared with the host runner.
import os from 'node:os';
import type { PhaseResult, ResolvedLimits, Verdict } from '../../common/sandbox';
import type { PhaseOutcome } from './exec-phase';

// The first name wins for aliases (SIGABRT before SIGIOT).
const SIGNAL_NAMES = new Map<number, string>();
for (const [name, n] of Object.entries(os.constants.signals)) if (!SIGNAL_NAMES.has(n)) SIGNAL_NAMES.set(n, name);

export function signalName(signal: number | null | undefined): string | null {
  if (!signal) return null;
  return SIGNAL_NAMES.get(signal) ?? `signal ${signal}`;
}

export function phaseResult(outcome: PhaseOutcome): PhaseResult {
  const r = outcome.report;
  return {
    exitCode: r && r.exitCode >= 0 ? r.exitCode : null,
    signal: r ? signalName(r.signal) : null,
    wallMs: Math.round(r ? r.wallMs : outcome.hostWallMs),
    cpuMs: r ? Math.round(r.cpuMs) : null,
    peakMemoryKb: r ? r.maxRssKb : null,
  };
}

export interface Judgement {
  verdict: Verdict;
  message?: string;
  /** A signal to report where the phase's own result has none (the supervisor's, when the program killed it). */
  signal?: string;
}

export interface RunFacts {
  /** Docker's own OOM flag for the container, used when no report came back. */
  oomKilled?: boolean;
  /** The runtime said on stderr that the program's heap was exhausted (Language.outOfMemory). */
  heapExhausted?: boolean;
}

/** The verdict of the run phase. */
export function judgeRun(outcome: PhaseOutcome, limits: ResolvedLimits, facts: RunFacts = {}): Judgement {
  const r = outcome.report;
  if (outcome.stopped === 'cancelled') return { verdict: 'cancelled', message: 'the run was cancelled' };
  if (outcome.stopped === 'output-limit')
    return { verdict: 'output-limit', message: `the program wrote more than ${limits.outputBytes} bytes of output and was stopped` };
  if (r && r.oomKills > 0) return memoryLimit(limits);
  if (outcome.stopped === 'deadline' || (r && isTimeout(r.timedOut, r.signal, r.cpuMs, limits.timeMs)))
    return { verdict: 'time-limit', message: `the program ran longer than ${limits.timeMs} ms and was stopped` };
  if (!r) {
    if (facts.oomKilled) return memoryLimit(limits);
    // Only the program shares the supervisor's user in the container, so a supervisor killed by
    // a signal was killed by the program (e.g. `kill -9 $PPID`): the program's verdict, not ours.
    const killedBy = outcome.supervisorExitCode != null && outcome.supervisorExitCode > 128 ? signalName(outcome.supervisorExitCode - 128) : null;
    if (killedBy) return { verdict: 'runtime-error', message: `the program killed the sandbox's supervisor (${killedBy}), so it was stopped`, signal: killedBy };
    return { verdict: 'internal-error', message: `the sandbox failed: ${outcome.error ?? 'no report'}` };
  }
  if (r.error) return { verdict: 'internal-error', message: `the sandbox failed: ${r.error}` };
  if (r.exitCode === 0) return { verdict: 'ok' };
  if (facts.heapExhausted) return { verdict: 'memory-limit', message: `the program ran out of memory (limit ${limits.memoryMb} MB)` };
  if (r.signal) return { verdict: 'runtime-error', message: `the program was killed by ${signalName(r.signal)}` };
  return { verdict: 'runtime-error', message: `the program exited with status ${r.exitCode}` };
}

/** Whether a compile phase failed, and how to say it. Null when it succeeded. */
export function judgeCompile(outcome: PhaseOutcome, limits: ResolvedLimits): Judgement | null {
  const r = outcome.report;
  if (outcome.stopped === 'cancelled') return { verdict: 'cancelled', message: 'the run was cancelled while compiling' };
  if (outcome.stopped === 'output-limit')
    return { verdict: 'compile-error', message: `the compiler wrote more than ${limits.outputBytes} bytes and was stopped` };
  if (r && r.oomKills > 0) return { verdict: 'compile-error', message: `the compiler ran out of memory (${limits.compileMemoryMb} MB)` };
  if (outcome.stopped === 'deadline' || (r && isTimeout(r.timedOut, r.signal, r.cpuMs, limits.compileTimeMs)))
    return { verdict: 'compile-error', message: `compiling took longer than ${limits.compileTimeMs} ms` };
  if (!r) return { verdict: 'internal-error', message: `the sandbox failed while compiling: ${outcome.error ?? 'no report'}` };
  if (r.error) return { verdict: 'internal-error', message: `the sandbox failed while compiling: ${r.error}` };
  if (r.exitCode === 0) return null;
  return { verdict: 'compile-error', message: `compilation failed (status ${r.exitCode}${r.signal ? `, ${signalName(r.signal)}` : ''})` };
}

function isTimeout(timedOut: boolean, signal: number, cpuMs: number, limitMs: number): boolean {
  if (timedOut) return true;
  if (signal === os.constants.signals.SIGXCPU) return true;
  // RLIMIT_CPU's hard limit ends with SIGKILL one second after SIGXCPU.
  return signal === os.constants.signals.SIGKILL && cpuMs >= limitMs;
}

function memoryLimit(limits: ResolvedLimits): Judgement {
  return { verdict: 'memory-limit', message: `the program used more than ${limits.memoryMb} MB of memory and was killed` };
}
