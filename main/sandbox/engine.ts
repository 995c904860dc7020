// One sandboxed run: take a warm container, compile (with the compiler's limits), set the run's
// limits, run, judge, and hand the container back for removal. Requests reaching this point were
// parsed where they entered (common/sandbox.ts).
import { expandCommand, LANGUAGES } from '../../common/languages';
import { resolveLimits, type PhaseResult, type RunEvent, type RunRequest, type RunResult } from '../../common/sandbox';
import { BUILD_DIR } from './container-spec';
import type Docker from 'dockerode';
import { runPhase, type PhaseChannel, type PhaseOutcome } from './exec-phase';
import { getLogger } from '../log/log-service';
import { ROOM_MEMORY_MB, ROOM_USER } from '../room-container/room-container-spec';
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

const log = getLogger('sandbox');

const NOT_RUN: PhaseResult = { exitCode: null, signal: null, wallMs: 0, cpuMs: null, peakMemoryKb: null };

/** Where a run's phases execute: a warm pooled container, or a room's persistent one. */
interface RunTarget {
  container: Docker.Container;
  /** Stops what runs beyond closing the phase's stream (the pool kills its container). */
  stop(): void;
  /** A supervisor exec started ahead for the next phase, if any. */
  nextChannel(): Promise<PhaseChannel> | undefined;
  /** Where a compiled program goes, and (room) each phase's own folder. */
  buildDir: string;
  phaseDir?: (phase: 'compile' | 'run') => string;
  /** Gives the program its memory limit, where the container's can change (the pool's). */
  setMemory?(memoryMb: number): Promise<void>;
  /** Docker's OOM flag, for a phase that sent no report. */
  oomKilled(): Promise<boolean>;
  release(): void;
  /** Set on the result: the run used the room's container. */
  inRoomContainer?: true;
  /**
   * The container's own memory limit, where the run's cannot be set (a room container): the
   * limit the result reports. Its cgroup is shared with terminals and other runs, so an OOM kill
   * counts as this run's only when the program itself was killed (SIGKILL).
   */
  sharedMemoryMb?: number;
}

export async function runSandboxed(pool: SandboxPool, request: RunRequest, ctx: RunContext): Promise<RunResult> {
  if (ctx.signal.aborted) return notRun(request, ctx, { verdict: 'cancelled', message: 'the run was cancelled' });
  let pooled: PooledContainer;
  try {
    pooled = await pool.acquire(request.language);
  } catch (error) {
    return notRun(request, ctx, { verdict: 'internal-error', message: (error as Error).message });
  }
  return runIn(
    {
      container: pooled.container,
      stop: () => pool.kill(pooled),
      nextChannel: () => pooled.channels.shift(),
      buildDir: BUILD_DIR,
      setMemory: async (memoryMb) => {
        if (pooled.limits.memoryMb === memoryMb) return;
        // The container was made with the compiler's memory; the program gets its own limit.
        const bytes = memoryMb * 1024 * 1024;
        await pooled.container.update({ Memory: bytes, MemorySwap: bytes });
      },
      // A container already removed cannot tell; the verdict then rests on the exit code alone.
      oomKilled: async () => Boolean((await pooled.container.inspect().catch(() => null))?.State?.OOMKilled),
      release: () => pool.release(pooled),
    },
    request,
    ctx,
  );
}

/**
 * A run in a room's container (issue 10 item 3, "runs of the room can use it"): what the room
 * installed (`pip install --user`, a global npm package, a file in the home) is there for the
 * program. Each phase gets a folder of its own under /tmp, which the supervisor removes; the
 * limits are the run's (time, CPU time, output, file size) within the container's own (memory,
 * processes, CPU); a stop hangs up the supervisor, which kills the program, and the container,
 * its terminals and its other runs go on.
 */
export async function runInRoomContainer(docker: Docker, containerId: string, request: RunRequest, ctx: RunContext): Promise<RunResult> {
  if (ctx.signal.aborted) return notRun(request, ctx, { verdict: 'cancelled', message: 'the run was cancelled' });
  const container = docker.getContainer(containerId);
  const name = ctx.runId.replace(/[^A-Za-z0-9-]/g, '').slice(0, 40);
  const buildDir = `/tmp/cc-build-${name}`;
  return runIn(
    {
      container,
      stop: () => {},
      nextChannel: () => undefined,
      buildDir,
      phaseDir: (phase) => `/tmp/cc-run-${name}-${phase}`,
      oomKilled: async () => false,
      release: () => {
        // The compiled program's folder (only a compiled language makes one); the phases' own
        // folders are gone with their supervisors.
        if (!LANGUAGES[request.language].compile) return;
        void removeInContainer(container, buildDir).catch((error: unknown) => log.warn({ err: error, runId: ctx.runId, buildDir }, 'could not remove a room run\'s build folder'));
      },
      inRoomContainer: true,
      sharedMemoryMb: ROOM_MEMORY_MB,
    },
    request,
    ctx,
  );
}

async function removeInContainer(container: Docker.Container, dir: string): Promise<void> {
  const exec = await container.exec({ Cmd: ['rm', '-rf', '--', dir], User: ROOM_USER, AttachStdout: false, AttachStderr: false });
  await exec.start({ Detach: true });
}

function notRun(request: RunRequest, ctx: RunContext, judgement: Judgement): RunResult {
  return {
    runId: ctx.runId,
    language: request.language,
    verdict: judgement.verdict,
    sandboxed: true,
    ...NOT_RUN,
    compile: null,
    outputBytes: 0,
    limits: resolveLimits(request.language, request.limits),
    ...(judgement.message ? { message: judgement.message } : {}),
  };
}

async function runIn(target: RunTarget, request: RunRequest, ctx: RunContext): Promise<RunResult> {
  const lang = LANGUAGES[request.language];
  const asked = resolveLimits(request.language, request.limits);
  const limits = target.sharedMemoryMb ? { ...asked, memoryMb: target.sharedMemoryMb } : asked;
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
    ...(target.inRoomContainer ? { inRoomContainer: true } : {}),
  });

  const stderrTail = new StderrTail();
  const phase = async (name: 'compile' | 'run', spec: Parameters<typeof runPhase>[1]): Promise<PhaseOutcome> => {
    ctx.onEvent({ runId: ctx.runId, type: 'phase', phase: name });
    const batcher = new OutputBatcher((stream, data) => ctx.onEvent({ runId: ctx.runId, type: 'output', phase: name, stream, data }));
    const onOutput = (stream: 'stdout' | 'stderr', data: string) => {
      if (name === 'run' && stream === 'stderr') stderrTail.push(data);
      batcher.push(stream, data);
    };
    const outcome = await runPhase(target.container, { ...spec, ...(target.phaseDir ? { dir: target.phaseDir(name) } : {}) }, onOutput, ctx.signal, () => target.stop(), target.nextChannel());
    batcher.flush();
    outputBytes += outcome.outputBytes;
    if (target.sharedMemoryMb && outcome.report && outcome.report.oomKills > 0 && outcome.report.signal !== 9) {
      // Another process of the shared container was killed for memory; this program was not.
      return { ...outcome, report: { ...outcome.report, oomKills: 0 } };
    }
    return outcome;
  };

  try {
    const tar = await tarFiles(layout.files);
    let compile: PhaseResult | null = null;
    if (lang.compile) {
      const outcome = await phase('compile', {
        cmd: `mkdir -p ${target.buildDir} && ${expandCommand(lang.compile, entry, target.buildDir, layout.mainClass)}`,
        timeMs: limits.compileTimeMs,
        cpuMs: limits.compileTimeMs,
        tar,
        outputLimit: limits.outputBytes,
      });
      compile = phaseResult(outcome);
      const failed = judgeCompile(outcome, limits);
      if (failed) return result(failed, NOT_RUN, compile);
    }
    await target.setMemory?.(limits.memoryMb);
    const outcome = await phase('run', {
      // exec: the program replaces the shell, so its own exit status and signal are reported.
      cmd: `exec ${expandCommand(lang.run, entry, target.buildDir, layout.mainClass)}`,
      timeMs: limits.timeMs,
      cpuMs: limits.timeMs,
      // A pooled container keeps the compile phase's /work; a room run's phase has a fresh folder.
      tar: lang.compile && !target.phaseDir ? undefined : tar,
      stdin: Buffer.from(request.stdin ?? ''),
      outputLimit: limits.outputBytes,
    });
    const oomKilled = !outcome.report && !outcome.stopped ? await target.oomKilled() : false;
    const heapExhausted = lang.outOfMemory?.test(stderrTail.text) ?? false;
    return result(judgeRun(outcome, limits, { oomKilled, heapExhausted }), phaseResult(outcome), compile);
  } catch (error) {
    if (ctx.signal.aborted) return result({ verdict: 'cancelled', message: 'the run was cancelled' }, NOT_RUN, null);
    return result({ verdict: 'internal-error', message: `the sandbox failed: ${(error as Error).message}` }, NOT_RUN, null);
  } finally {
    target.release();
  }
}
