// One sandboxed run: take a warm container, compile (with the compiler's limits), set the run's
// limits, run, judge, and hand the container back for removal. Requests reaching this point were
// parsed where they entered (common/sandbox.ts).
import { expandCommand, LANGUAGES } from '../../common/languages';
import { resolveLimits, type PhaseResult, type RunEvent, type RunRequest, type RunResult } from '../../common/sandbox';
import { BUILD_DIR } from './container-spec';
import { runPhase, type PhaseOutcome } from './exec-phase';
import { OutputBatcher } from './output-batcher';
import type { PooledContainer, SandboxPool } from './pool';
import { runLayout } from './run-layout';
import { StderrTail } from './stderr-tail';
import { tarFiles } from './tar';
import { judgeCompile, judgeRun, phaseResult, type Judgement } from './verdict';

export interface RunContext {
  runId: string;
  onEvent: (event: RunEvent) => void;
  signal: AbortSignal;
}

const NOT_RUN: PhaseResult = { exitCode: null, signal: null, wallMs: 0, cpuMs: null, peakMemoryKb: null };

export async function runSandboxed(pool: SandboxPool, request: RunRequest, ctx: RunContext): Promise<RunResult> {
  const lang = LANGUAGES[request.language];
  const limits = resolveLimits(request.language, request.limits);
  const layout = runLayout(request);
  const entry = layout.entry;
  let outputBytes = 0;
  const result = (judgement: Judgement, phase: PhaseResult, compile: PhaseResult | null): RunResult => ({
    runId: ctx.runId,
    language: request.language,
    verdict: judgement.verdict,
    sandboxed: true,
    ...phase,
    ...(judgement.signal && !phase.signal ? { signal: judgement.signal } : {}),
    compile,
    outputBytes,
    limits,
    ...(judgement.message ? { message: judgement.message } : {}),
  });

  if (ctx.signal.aborted) return result({ verdict: 'cancelled', message: 'the run was cancelled' }, NOT_RUN, null);
  let pooled: PooledContainer;
  try {
    pooled = await pool.acquire(request.language);
  } catch (error) {
    return result({ verdict: 'internal-error', message: (error as Error).message }, NOT_RUN, null);
  }
  const kill = () => pool.kill(pooled);
  const stderrTail = new StderrTail();
  const phase = async (name: 'compile' | 'run', spec: Parameters<typeof runPhase>[1]): Promise<PhaseOutcome> => {
    ctx.onEvent({ runId: ctx.runId, type: 'phase', phase: name });
    const batcher = new OutputBatcher((stream, data) => ctx.onEvent({ runId: ctx.runId, type: 'output', phase: name, stream, data }));
    const onOutput = (stream: 'stdout' | 'stderr', data: string) => {
      if (name === 'run' && stream === 'stderr') stderrTail.push(data);
      batcher.push(stream, data);
    };
    const outcome = await runPhase(pooled.container, spec, onOutput, ctx.signal, kill, pooled.channels.shift());
    batcher.flush();
    outputBytes += outcome.outputBytes;
    return outcome;
  };

  try {
    const tar = await tarFiles(layout.files);
    let compile: PhaseResult | null = null;
    if (lang.compile) {
      const outcome = await phase('compile', {
        cmd: `mkdir -p ${BUILD_DIR} && ${expandCommand(lang.compile, entry, BUILD_DIR, layout.mainClass)}`,
        timeMs: limits.compileTimeMs,
        cpuMs: limits.compileTimeMs,
        tar,
        outputLimit: limits.outputBytes,
      });
      compile = phaseResult(outcome);
      const failed = judgeCompile(outcome, limits);
      if (failed) return result(failed, NOT_RUN, compile);
    }
    if (pooled.limits.memoryMb !== limits.memoryMb) {
      // The container was made with the compiler's memory; the program gets its own limit.
      const bytes = limits.memoryMb * 1024 * 1024;
      await pooled.container.update({ Memory: bytes, MemorySwap: bytes });
    }
    const outcome = await phase('run', {
      // exec: the program replaces the shell, so its own exit status and signal are reported.
      cmd: `exec ${expandCommand(lang.run, entry, BUILD_DIR, layout.mainClass)}`,
      timeMs: limits.timeMs,
      cpuMs: limits.timeMs,
      tar: lang.compile ? undefined : tar,
      stdin: Buffer.from(request.stdin ?? ''),
      outputLimit: limits.outputBytes,
    });
    let oomKilled = false;
    if (!outcome.report && !outcome.stopped) {
      // A container already removed cannot tell; the verdict then rests on the exit code alone.
      oomKilled = Boolean((await pooled.container.inspect().catch(() => null))?.State?.OOMKilled);
    }
    const heapExhausted = lang.outOfMemory?.test(stderrTail.text) ?? false;
    return result(judgeRun(outcome, limits, { oomKilled, heapExhausted }), phaseResult(outcome), compile);
  } catch (error) {
    if (ctx.signal.aborted) return result({ verdict: 'cancelled', message: 'the run was cancelled' }, NOT_RUN, null);
    return result({ verdict: 'internal-error', message: `the sandbox failed: ${(error as Error).message}` }, NOT_RUN, null);
  } finally {
    pool.release(pooled);
  }
}
