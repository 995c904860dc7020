// One sandbox container for one submission (or one validator run): taken from the warm pool,
// used for a compile and any number of test batches, then removed — never handed to another
// submission (DESIGN.md section 5: untrusted code never runs twice in one container for
// different owners). Test inputs go in with each batch's tar and are deleted after it, so the
// container's small /work tmpfs holds one batch at a time.
import type { LanguageId } from '../../common/languages';
import { runPhase, type PhaseOutcome, type PhaseSpec, type SupervisorReport } from '../sandbox/exec-phase';
import type { PooledContainer, SandboxPool } from '../sandbox/pool';
import { tarFiles } from '../sandbox/tar';
import { batchScript, FrameReader, newNonce, splitNested, testRequest } from './batch-script';

/** Test input bytes per batch: /work is a 32 MB tmpfs that also counts against memory. */
const BATCH_INPUT_BYTES = 8 << 20;
/** Tests per batch: the loop's size list must fit cc-supervise's one-line command. */
const BATCH_TESTS = 2_000;
/** Time the loop itself may take per test on top of the test's own wall limit (forks, base64). */
const PER_TEST_OVERHEAD_MS = 2_000;

export interface PhaseRun {
  outcome: PhaseOutcome;
  stdout: string;
  stderr: string;
}

export interface NestedRun {
  report: SupervisorReport | null;
  /** The nested stdout (the program's output) or the file the batch said to return. */
  first: Buffer;
  stderr: Buffer;
}

export interface BatchTest {
  stdin: Uint8Array;
  /** Extra files this test needs beside its stdin, by name relative to the batch folder. */
  files?: Record<string, Uint8Array>;
  /** Shell words put where the command says `@ARGS@` (already quoted). */
  args?: string;
}

export interface BatchOptions {
  /** The command of one test; `@I@` stands for the test's index in its batch, `@D@` for the batch folder. */
  command: string;
  wallMs: number;
  cpuMs: number;
  /** Largest stdout (and stderr) a test may write. */
  outputBytes: number;
  /** What the frame's first line carries instead of the test's stdout (a shell command; `$i` is the index). */
  firstLine?: string;
  /** A shell command run before each test's supervisor (see BatchSpec). */
  beforeEach?: string;
  /** Files extracted with the first batch (sources, a validator binary); a compile phase before does not count. */
  setupFiles?: { path: string; content: Uint8Array }[];
  /** Called per finished test in order; returning false stops the rest (the container is killed). */
  onResult: (index: number, run: NestedRun) => boolean;
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

  /** Sets the memory limit for what runs next (containers are made with the compiler's). */
  async setMemory(memoryMb: number): Promise<void> {
    if (this.pooled.limits.memoryMb === memoryMb) return;
    const bytes = memoryMb * 1024 * 1024;
    await this.pooled.container.update({ Memory: bytes, MemorySwap: bytes });
  }

  /**
   * Runs the tests in order, in batches, calling onResult after each. Resolves with how many ran
   * and, when the stream could not be trusted or the sandbox failed, why.
   */
  async runTests(tests: BatchTest[], options: BatchOptions): Promise<{ ran: number; error: string | null }> {
    let ran = 0;
    let batchNumber = 0;
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
      const files: { path: string; content: Buffer }[] = [];
      if (!this.setupDone) for (const f of options.setupFiles ?? []) files.push({ path: f.path, content: Buffer.from(f.content) });
      const nonce = newNonce();
      chunk.forEach((t, i) => {
        const command = options.command.replace(/@I@/g, String(i)).replace(/@D@/g, dir).replace(/@ARGS@/g, t.args ?? '');
        files.push({ path: `${dir}/${i}.req`, content: testRequest({ nonce, stdin: t.stdin, command, wallMs: options.wallMs, cpuMs: options.cpuMs, outputBytes: options.outputBytes }) });
        for (const [name, content] of Object.entries(t.files ?? {})) files.push({ path: `${dir}/${i}.${name}`, content: Buffer.from(content) });
      });
      const cmd = batchScript({ dir, count: chunk.length, firstLine: options.firstLine, beforeEach: options.beforeEach });
      const base = ran;
      let stopped = false;
      const reader = new FrameReader((frame) => {
        if (stopped) return;
        const nested = splitNested(nonce, options.firstLine ? null : frame.first, frame.stderr);
        const run: NestedRun = options.firstLine ? { report: nested.report, first: frame.first, stderr: nested.stderr } : { report: nested.report, first: nested.output, stderr: nested.stderr };
        ran = base + frame.index + 1;
        if (!options.onResult(base + frame.index, run)) {
          stopped = true;
          this.kill();
        }
      });
      const totalMs = chunk.length * (options.wallMs + PER_TEST_OVERHEAD_MS) + 10_000;
      let loopErrors = '';
      const outcome = await runPhase(
        this.pooled.container,
        {
          cmd,
          timeMs: totalMs,
          cpuMs: totalMs,
          tar: await tarFiles(files),
          // Base64 of every test's stdout and stderr, plus the frame lines.
          outputLimit: Math.ceil((chunk.length * 2 * (options.outputBytes + 4096) * 4) / 3) + 65_536,
        },
        (stream, data) => (stream === 'stdout' ? reader.push(data) : (loopErrors = (loopErrors + data).slice(-2000))),
        this.signal,
        () => this.kill(),
        this.pooled.channels.shift(),
      );
      this.setupDone = true;
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
