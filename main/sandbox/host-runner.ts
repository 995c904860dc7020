// The opt-in host runner: for a solo user without Docker, runs the same compile and run commands
// as the sandbox, but directly on this machine with the user's own rights. NOT a sandbox: the
// result says `sandboxed: false`, and the UI must say so. It still enforces the time and output
// limits (the whole process group is killed) and works in a throw-away temporary folder.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { expandCommand, LANGUAGES } from '../../common/languages';
import { resolveLimits, type PhaseResult, type RunRequest, type RunResult } from '../../common/sandbox';
import type { RunContext } from './engine';
import { OutputBatcher } from './output-batcher';
import { runLayout } from './run-layout';
import type { Judgement } from './verdict';

interface HostOutcome {
  exitCode: number | null;
  signal: string | null;
  wallMs: number;
  stopped: 'time-limit' | 'output-limit' | 'cancelled' | null;
  spawnError?: string;
  outputBytes: number;
}

function runCommand(
  cmd: string,
  cwd: string,
  stdin: string,
  timeMs: number,
  outputLimit: number,
  signal: AbortSignal,
  onOutput: (stream: 'stdout' | 'stderr', data: string) => void,
): Promise<HostOutcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    // detached: the program leads its own process group, so the whole group can be killed.
    const child = spawn('/bin/sh', ['-c', cmd], { cwd, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    let stopped: HostOutcome['stopped'] = null;
    let outputBytes = 0;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const stop = (why: NonNullable<HostOutcome['stopped']>) => {
      stopped ??= why;
      killGroup();
    };
    const timer = setTimeout(() => stop('time-limit'), timeMs);
    const onAbort = () => stop('cancelled');
    signal.addEventListener('abort', onAbort);
    for (const name of ['stdout', 'stderr'] as const) {
      const decoder = new StringDecoder('utf8');
      child[name].on('data', (bytes: Buffer) => {
        if (stopped) return;
        const room = outputLimit - outputBytes;
        outputBytes += bytes.length;
        const text = decoder.write(bytes.length > room ? bytes.subarray(0, Math.max(0, room)) : bytes);
        if (text) onOutput(name, text);
        if (outputBytes > outputLimit) stop('output-limit');
      });
    }
    child.stdin.on('error', () => {}); // the program may exit without reading its input
    child.stdin.end(stdin);
    let spawnError: string | undefined;
    child.on('error', (e) => (spawnError = e.message));
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      killGroup(); // background children of the program end with it, as in the sandbox
      resolve({ exitCode: code, signal: sig, wallMs: performance.now() - started, stopped, spawnError, outputBytes });
    });
  });
}

function phase(o: HostOutcome): PhaseResult {
  return { exitCode: o.exitCode, signal: o.signal, wallMs: Math.round(o.wallMs), cpuMs: null, peakMemoryKb: null };
}

export async function runOnHost(request: RunRequest, ctx: RunContext): Promise<RunResult> {
  const lang = LANGUAGES[request.language];
  const limits = resolveLimits(request.language, request.limits);
  const layout = runLayout(request);
  const entry = layout.entry;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'codecrafter-run-'));
  const work = path.join(dir, 'work');
  const build = path.join(dir, 'build');
  let outputBytes = 0;
  const done = (j: Judgement, run: PhaseResult, compile: PhaseResult | null): RunResult => ({
    runId: ctx.runId,
    language: request.language,
    verdict: j.verdict,
    sandboxed: false,
    ...run,
    compile,
    outputBytes,
    limits,
    message: `UNSANDBOXED run on this machine. ${j.message ?? ''}`.trim(),
  });
  const notRun: PhaseResult = { exitCode: null, signal: null, wallMs: 0, cpuMs: null, peakMemoryKb: null };
  try {
    for (const file of layout.files) {
      const target = path.join(work, ...file.path.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    mkdirSync(build, { recursive: true });
    let compile: PhaseResult | null = null;
    if (lang.compile) {
      ctx.onEvent({ runId: ctx.runId, type: 'phase', phase: 'compile' });
      const batcher = new OutputBatcher((stream, data) => ctx.onEvent({ runId: ctx.runId, type: 'output', phase: 'compile', stream, data }));
      const o = await runCommand(expandCommand(lang.compile, entry, build, layout.mainClass), work, '', limits.compileTimeMs, limits.outputBytes, ctx.signal, (stream, data) =>
        batcher.push(stream, data),
      );
      batcher.flush();
      outputBytes += o.outputBytes;
      compile = phase(o);
      if (o.stopped === 'cancelled') return done({ verdict: 'cancelled', message: 'the run was cancelled while compiling' }, notRun, compile);
      if (o.exitCode === 127) return done({ verdict: 'internal-error', message: `the ${lang.name} compiler is not installed on this machine` }, notRun, compile);
      if (o.stopped || o.exitCode !== 0) return done({ verdict: 'compile-error', message: o.stopped ? `compiling stopped: ${o.stopped}` : `compilation failed (status ${o.exitCode})` }, notRun, compile);
    }
    ctx.onEvent({ runId: ctx.runId, type: 'phase', phase: 'run' });
    const batcher = new OutputBatcher((stream, data) => ctx.onEvent({ runId: ctx.runId, type: 'output', phase: 'run', stream, data }));
    const o = await runCommand(`exec ${expandCommand(lang.run, entry, build, layout.mainClass)}`, work, request.stdin ?? '', limits.timeMs, limits.outputBytes, ctx.signal, (stream, data) =>
      batcher.push(stream, data),
    );
    batcher.flush();
    outputBytes += o.outputBytes;
    const run = phase(o);
    if (o.stopped === 'cancelled') return done({ verdict: 'cancelled', message: 'the run was cancelled' }, run, compile);
    if (o.stopped === 'output-limit') return done({ verdict: 'output-limit', message: `more than ${limits.outputBytes} bytes of output` }, run, compile);
    if (o.stopped === 'time-limit') return done({ verdict: 'time-limit', message: `ran longer than ${limits.timeMs} ms` }, run, compile);
    if (o.spawnError) return done({ verdict: 'internal-error', message: o.spawnError }, run, compile);
    if (o.exitCode === 127 && !lang.compile) return done({ verdict: 'internal-error', message: `the ${lang.name} runtime is not installed on this machine (status 127)` }, run, compile);
    if (o.exitCode === 0) return done({ verdict: 'ok' }, run, compile);
    return done({ verdict: 'runtime-error', message: o.signal ? `killed by ${o.signal}` : `exited with status ${o.exitCode}` }, run, compile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
