// One sandbox container for one submission (or one validator run): taken from the warm pool,
// used for a compile and any number of test batches, then removed — never handed to another
// submission (DESIGN.md section 5: untrusted code never runs twice in one container for
// different owners). Test inputs go in with each batch's tar and are deleted after it, so the
// container's small /work tmpfs holds one batch at a time.
import type { LanguageId } from '../../common/languages';
import { runPhase, type PhaseOutcome, type PhaseSpec, type SupervisorReport } from '../sandbox/exec-phase';
import type { PooledContainer, SandboxPool } from '../sandbox/pool';
import { tarFiles } from '../sandbox/tar';
import { BATCH_COMMAND, batchInput, batchScript, FrameReader, newNonce, splitNested, testRequest } from './batch-script';

/** Test input bytes per batch: /work is a 32 MB tmpfs that also counts against memory. */
const BATCH_INPUT_BYTES = 8 << 20;
/** Tests per batch, so that one batch's frames stay a bounded stream. */
const BATCH_TESTS = 2_000;
/** Time the batch itself may take per test on top of the test's own wall limit (forks, base64). */
const PER_TEST_OVERHEAD_MS = 2_000;

export interface PhaseRun {
  outcome: PhaseOutcome;
  stdout: string;
  stderr: string;
}

export interface NestedRun {
  report: SupervisorReport | null;
  /** The test's stdout (the program's output) or the file the batch said to return. */
  first: Buffer;
  stderr: Buffer;
}

export interface BatchTest {
  stdin: Uint8Array;
  /** Extra files this test needs beside its stdin, by name relative to the batch folder. */
  files?: Record<string, Uint8Array>;
  /** Shell words put where the command says `@ARGS@` (already quoted). */
  args?: string;
  /**
   * This request's own command and limits instead of the batch's: a compile run as the batch's
   * first request (not in a shell loop).
   */
  own?: { command: string; wallMs: number; cpuMs: number; outputBytes: number };
}

export interface BatchOptions {
  /** The command of one test; `@I@` stands for the test's index in its batch, `@D@` for the batch folder. */
  command: string;
  wallMs: number;
  cpuMs: number;
  /** Largest stdout (and stderr) a test may write. */
  outputBytes: number;
  /** The memory limit of the tests when it is not the container's yet (containers are made with the compiler's). */
  memoryMb?: number;
  /**
   * The caller holds each test to memoryMb by its measured peak (judgeTestRun), so a container
   * whose limit is higher (the compiler's) keeps it as a cap and is not lowered: that saves a
   * `docker update` (~50 ms, Docker's round trip and runc) before the first test. A runtime that
   * sizes its heap from the container's limit (Language.heapFromMemoryLimit) must not use it.
   */
  memoryByPeak?: boolean;
  /** A file the test's command writes (a validator's feedback), carried instead of its stdout. */
  result?: { file: string; bytes: number; cleanDir: string };
  /**
   * An interactive problem: the tests run in the shell loop (batchScript), which starts the
   * interactor before each test and carries what `firstLine` prints instead of the stdout.
   */
  shellLoop?: { beforeEach: string; firstLine: string };
  /** Files extracted with the first batch (sources, a validator binary); a compile phase before does not count. */
  setupFiles?: SetupFile[];
  /** Called per finished test in order; returning false stops the rest (the container is killed). */
  onResult: (index: number, run: NestedRun) => boolean;
}

export interface SetupFile {
  path: string;
  content: Uint8Array;
  executable?: boolean;
}

export class JudgeBox {
  private setupDone = false;
  private killed = false;

  private constructor(
    private readonly pool: SandboxPool,
    private readonly pooled: PooledContainer,
    private readonly signal: AbortSignal,
  ) {}

  static async open(pool: SandboxPool, language: LanguageId, signal: AbortSignal): Promise<JudgeBox> {
    return new JudgeBox(pool, await pool.acquire(language), signal);
  }

  get limits(): PooledContainer['limits'] {
    return this.pooled.limits;
  }

  /** One plain phase (a compile): output collected up to the spec's limit. */
  async phase(spec: PhaseSpec): Promise<PhaseRun> {
    let stdout = '';
    let stderr = '';
    const outcome = await runPhase(
      this.pooled.container,
      spec,
      (stream, data) => (stream === 'stdout' ? (stdout += data) : (stderr += data)),
      this.signal,
      () => this.kill(),
      this.pooled.channels.shift(),
    );
    return { outcome, stdout, stderr };
  }

  /** Sets the container's memory limit; null when it already is that, or is higher and may stay (byPeak). */
  private setMemory(memoryMb: number, byPeak: boolean): Promise<void> | null {
    if (this.pooled.limits.memoryMb === memoryMb || (byPeak && memoryMb < this.pooled.limits.memoryMb)) return null;
    const bytes = memoryMb * 1024 * 1024;
    return this.pooled.container.update({ Memory: bytes, MemorySwap: bytes }).then(() => undefined);
  }

  /**
   * Runs the tests in order, in batches, calling onResult after each. Resolves with how many ran
   * and, when the stream could not be trusted or the sandbox failed, why.
   */
  async runTests(tests: BatchTest[], options: BatchOptions): Promise<{ ran: number; error: string | null }> {
    let ran = 0;
    let batchNumber = 0;
    // The batch starts while Docker changes the limit and runs no test before it is in force (batch.c).
    let memoryUpdate = options.memoryMb === undefined ? null : this.setMemory(options.memoryMb, options.memoryByPeak ?? false);
    if (memoryUpdate && options.shellLoop) {
      await memoryUpdate;
      memoryUpdate = null;
    }
    let memoryError: string | null = null;
    const memoryDone = memoryUpdate?.catch((error: unknown) => {
      memoryError = `the memory limit could not be set: ${(error as Error).message}`;
      this.kill();
    });
    while (ran < tests.length) {
      const chunk: BatchTest[] = [];
      let bytes = 0;
      for (let i = ran; i < tests.length && chunk.length < BATCH_TESTS; i++) {
        const size = tests[i]!.stdin.length + Object.values(tests[i]!.files ?? {}).reduce((n, f) => n + f.length, 0);
        if (chunk.length > 0 && bytes + size > BATCH_INPUT_BYTES) break;
        chunk.push(tests[i]!);
        bytes += size;
      }
      const dir = `.cc-judge/${batchNumber++}`;
      const files: { path: string; content: Buffer; executable?: boolean }[] = [];
      if (!this.setupDone) for (const f of options.setupFiles ?? []) files.push({ ...f, content: Buffer.from(f.content) });
      const nonce = newNonce();
      const loop = options.shellLoop;
      const requests = chunk.map((t, i) => {
        const command = options.command.replace(/@I@/g, String(i)).replace(/@D@/g, dir).replace(/@ARGS@/g, t.args ?? '');
        for (const [name, content] of Object.entries(t.files ?? {})) files.push({ path: `${dir}/${i}.${name}`, content: Buffer.from(content) });
        const limits = { stdin: t.stdin, command, wallMs: options.wallMs, cpuMs: options.cpuMs, outputBytes: options.outputBytes, ...t.own };
        if (loop && t.own) throw new Error('a shell loop runs every test with the batch\'s own command');
        if (loop) return testRequest({ ...limits, nonce });
        const result = options.result;
        return testRequest(result ? { ...limits, resultFile: result.file, resultBytes: result.bytes, cleanDir: result.cleanDir } : limits);
      });
      if (loop) requests.forEach((content, i) => files.push({ path: `${dir}/${i}.req`, content }));
      const carriesFile = Boolean(loop || options.result);
      const base = ran;
      let stopped = false;
      const reader = new FrameReader((frame) => {
        if (stopped) return;
        const nested = splitNested(nonce, carriesFile ? null : frame.first, frame.stderr);
        const run: NestedRun = { report: nested.report, first: carriesFile ? frame.first : nested.output, stderr: nested.stderr };
        ran = base + frame.index + 1;
        if (!options.onResult(base + frame.index, run)) {
          stopped = true;
          this.kill();
        }
      });
      const totalMs = chunk.reduce((n, t) => n + (t.own?.wallMs ?? options.wallMs) + PER_TEST_OVERHEAD_MS, 0) + 10_000;
      let loopErrors = '';
      const outcome = await runPhase(
        this.pooled.container,
        {
          cmd: loop ? batchScript({ dir, count: chunk.length, ...loop }) : BATCH_COMMAND,
          timeMs: totalMs,
          cpuMs: totalMs,
          ...(files.length ? { tar: await tarFiles(files) } : {}),
          ...(loop ? {} : { stdin: batchInput({ nonce, requests, cleanup: dir, memoryBytes: memoryUpdate ? options.memoryMb! * 1024 * 1024 : undefined }) }),
          // Base64 of every test's stdout and stderr, plus the frame lines.
          outputLimit: Math.ceil((chunk.reduce((n, t) => n + 2 * ((t.own?.outputBytes ?? options.outputBytes) + 4096), 0) * 4) / 3) + 65_536,
        },
        (stream, data) => (stream === 'stdout' ? reader.push(data) : (loopErrors = (loopErrors + data).slice(-2000))),
        this.signal,
        () => this.kill(),
        this.pooled.channels.shift(),
      );
      this.setupDone = true;
      await memoryDone;
      if (memoryError) return { ran, error: memoryError };
      if (stopped) return { ran, error: null };
      if (reader.broken) return { ran, error: reader.broken };
      if (!reader.done || outcome.report?.exitCode !== 0) {
        const why = outcome.error ?? outcome.stopped ?? (outcome.report ? `the test loop exited with status ${outcome.report.exitCode}` : 'no report');
        return { ran, error: `the sandbox stopped in the middle of the tests (${why})${loopErrors ? `: ${loopErrors.trim()}` : ''}` };
      }
    }
    return { ran, error: null };
  }

  kill(): void {
    if (this.killed) return;
    this.killed = true;
    this.pool.kill(this.pooled);
  }

  /** Removes the container (in the background); it is never used again. */
  close(): void {
    this.pool.release(this.pooled);
  }
}
