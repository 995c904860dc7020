// Sandbox latency: hello world in Python, C++ and Java, end to end through (a) this engine with
// its warm pool, (b) a fresh `docker run --rm` with the same sandbox flags per run, and (c) a
// native process on the host. Usage: node --import tsx test/bench/sandbox.bench.ts [--runs N] [--langs python,cpp,java]
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { expandCommand, LANGUAGES, type LanguageId } from '../../common/languages';
import {
  BUILD_DIR,
  CPUS,
  MAX_FILE_SIZE_BYTES,
  MAX_OPEN_FILES,
  SANDBOX_USER,
  TEMP_TMPFS_MB,
  WORK_DIR,
  WORK_TMPFS_MB,
} from '../../main/sandbox/container-spec';
import { containerLimitsFor } from '../../main/sandbox/pool';
import { SandboxService } from '../../main/sandbox/service';
import { PROGRAMS } from '../integration/sandbox/programs';
import { percentile, writeReport, type BenchRow } from './report';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' }, langs: { type: 'string', default: 'python,cpp,java' } } });
const RUNS = Math.max(1, Number(values.runs));
const LANGS = values.langs.split(',') as LanguageId[];

function run(cmd: string, args: string[], input: string, cwd?: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['pipe', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
    child.stdin.end(input);
  });
}

/** The compile-and-run shell command a language uses, for one entry file and build folder. */
function shellCommand(language: LanguageId, entry: string, build: string): string {
  const lang = LANGUAGES[language];
  const steps = [`mkdir -p ${build}`];
  if (lang.compile) steps.push(expandCommand(lang.compile, entry, build));
  steps.push(expandCommand(lang.run, entry, build));
  return steps.join(' && ');
}

/** Times `fn` RUNS times; `before` runs untimed ahead of each (the pool's refill). */
async function measure(label: string, fn: () => Promise<void>, before?: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await before?.();
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  process.stdout.write(`${label}: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms\n`);
  return samples;
}

function expectHello(stdout: string, what: string): void {
  if (stdout !== 'Hello, World!\n') throw new Error(`${what} printed ${JSON.stringify(stdout.slice(0, 200))}`);
}

const loadBefore = os.loadavg()[0]!;
const service = new SandboxService({ warm: LANGS, idlePerLanguage: 1 });
const state = await service.start();
if (state.docker !== 'ok') throw new Error(`Docker is needed: ${state.message}`);
const status = await service.status();
const tags = new Map(status.images.map((i) => [i.language, i.tag]));
for (const l of LANGS) if (!tags.get(l)) throw new Error(`image for ${l} missing: run \`npm run images\``);

const results: Record<string, Record<string, number[] | string>> = {};
for (const language of LANGS) {
  const files = PROGRAMS[language].hello;
  const entry = files[0]!.path;
  const source = files[0]!.content;
  results[language] = {};

  // (a) the engine, from request to verdict, with a warm container waiting (the pool refilled).
  results[language].engine = await measure(
    `${language} engine (warm pool)`,
    async () => {
      let stdout = '';
    const r = await service.run({ language, files }, (e) => {
      if (e.type === 'output' && e.phase === 'run' && e.stream === 'stdout') stdout += e.data;
    }).result;
      if (r.verdict !== 'ok') throw new Error(`engine ${language}: ${r.verdict} ${r.message}`);
      expectHello(stdout, `engine ${language}`);
    },
    () => service.settle(),
  );
  await service.settle();

  // (b) a fresh container per run with the same flags, the source piped in on stdin.
  const limits = containerLimitsFor(language);
  const dockerArgs = [
    'run', '--rm', '-i', '--network', 'none', '--read-only',
    '--tmpfs', `${WORK_DIR}:rw,exec,nosuid,nodev,size=${WORK_TMPFS_MB}m,uid=1000,gid=1000,mode=0755`,
    '--tmpfs', `/tmp:rw,exec,nosuid,nodev,size=${TEMP_TMPFS_MB}m,mode=1777`,
    '--user', SANDBOX_USER, '--workdir', WORK_DIR, '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges', '--init',
    '--pids-limit', String(limits.pids), '--memory', `${limits.memoryMb}m`, '--memory-swap', `${limits.memoryMb}m`, '--cpus', String(CPUS),
    '--ulimit', `nofile=${MAX_OPEN_FILES}:${MAX_OPEN_FILES}`, '--ulimit', `fsize=${MAX_FILE_SIZE_BYTES}:${MAX_FILE_SIZE_BYTES}`, '--ulimit', 'core=0:0',
    '--log-driver', 'none', '--label', 'codecrafter.sandbox.bench=1',
    tags.get(language)!, 'sh', '-c', `cat > ${entry} && ${shellCommand(language, entry, BUILD_DIR)}`,
  ];
  results[language].dockerRun = await measure(`${language} docker run --rm`, async () => {
    const r = await run('docker', dockerArgs, source);
    if (r.code !== 0) throw new Error(`docker run ${language} exited ${r.code}`);
    expectHello(r.stdout, `docker run ${language}`);
  });

  // (c) a native process on this machine, when its toolchain is installed.
  const tool = { python: ['python3', '--version'], cpp: ['g++', '--version'], java: ['javac', '-version'] }[language as 'python'];
  if (spawnSync(tool[0]!, tool.slice(1)).status !== 0) {
    results[language].native = `skipped: ${tool[0]} is not installed on this machine`;
    process.stdout.write(`${language} native: ${results[language].native}\n`);
    continue;
  }
  // Resolve a version-manager shim (pyenv's is a shell script) to the interpreter it would run.
  const realPython = spawnSync('python3', ['-c', 'import sys; print(sys.executable)']).stdout?.toString().trim();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-bench-'));
  mkdirSync(path.join(dir, 'work'));
  writeFileSync(path.join(dir, 'work', entry), source);
  results[language].native = await measure(`${language} native`, async () => {
    const command = shellCommand(language, entry, path.join(dir, 'build'));
    const r = await run('/bin/sh', ['-c', language === 'python' && realPython ? command.replace(/^(.*&& )python3 /, `$1${realPython} `) : command], '', path.join(dir, 'work'));
    if (r.code !== 0) throw new Error(`native ${language} exited ${r.code}`);
    expectHello(r.stdout, `native ${language}`);
  });
  rmSync(dir, { recursive: true, force: true });
}
await service.dispose();

const rows: BenchRow[] = [];
const ratios: Record<string, number> = {};
for (const language of LANGS) {
  for (const [mode, name] of [['engine', 'engine, warm pool'], ['dockerRun', 'docker run --rm, same flags'], ['native', 'native process']] as const) {
    const samples = results[language]![mode]!;
    if (typeof samples === 'string') {
      rows.push({ name: `${LANGUAGES[language].name} hello world: ${name}`, values: { 'p50 ms': samples, 'p95 ms': '', runs: 0 } });
      continue;
    }
    rows.push({
      name: `${LANGUAGES[language].name} hello world: ${name}`,
      values: { 'p50 ms': Number(percentile(samples, 50).toFixed(1)), 'p95 ms': Number(percentile(samples, 95).toFixed(1)), runs: samples.length },
    });
  }
  const engine = percentile(results[language]!.engine as number[], 50);
  ratios[`${language}: docker run p50 / engine p50`] = Number((percentile(results[language]!.dockerRun as number[], 50) / engine).toFixed(2));
  if (Array.isArray(results[language]!.native))
    ratios[`${language}: engine p50 / native p50`] = Number((engine / percentile(results[language]!.native as number[], 50)).toFixed(2));
}
const pythonEngine = percentile(results.python!.engine as number[], 50);
writeReport({
  part: 'sandbox',
  title: 'Sandbox: hello world latency (engine vs docker run vs native)',
  notes: [
    `${RUNS} sequential runs per row, measured from request to verdict (compile included for C++ and Java). The engine waits for its pool to refill between runs, so each run finds a warm container (created ahead with every limit, its supervisor exec already started).`,
    '(b) starts a fresh container per run with the same flags (`docker run --rm -i` through the docker CLI, source piped on stdin); (c) runs the same commands natively.',
    ...Object.entries(ratios).map(([k, v]) => `${k}: ${v}x`),
    `Machine load (1-minute average) ${loadBefore.toFixed(1)} at the start and ${os.loadavg()[0]!.toFixed(1)} at the end, on ${os.cpus().length} cores: other work was running, so compare rows of one run rather than absolute numbers.`,
    `Target: Python p50 <= 100 ms (measured ${pythonEngine.toFixed(1)} ms) and >= 3x faster than docker run (measured ${ratios['python: docker run p50 / engine p50']}x).`,
  ],
  rows,
  extra: { runs: RUNS, samplesMs: results, ratios },
});
