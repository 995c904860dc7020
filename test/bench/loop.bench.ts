// Main-process responsiveness (issue 12): the event-loop delay of the host process
// (perf_hooks.monitorEventLoopDelay, p50/p99; goal p99 <= 16 ms, one frame) while two windows
// type at 20 keys/s each with recording on and a third streams a run's output.
// The host runs alone in a child process (loop-host.ts) so that Chromium and Playwright's driver,
// which live in this process, are not measured. Both typing windows record into the same
// session, as a room member's main process records its own edits and its peer's: 40 updates/s
// reach the recorder, plus cursor events and the run's output.
// Usage: npm run build && node --import tsx test/bench/loop.bench.ts [--seconds 30] [--label before]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { REPO_ROOT, tempDir } from '../e2e/web-host';
import { writeReport, type BenchRow } from './report';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '30' }, label: { type: 'string', default: 'after' }, 'report-only': { type: 'boolean', default: false } },
});
const SECONDS = Number(values.seconds);
const LABEL = values.label!;
const KEY_DELAY_MS = 50; // 20 keys/s per window
const RESULTS = path.join(REPO_ROOT, 'bench-results');

if (!existsSync(path.join(REPO_ROOT, 'dist/renderer/index.html'))) {
  console.error('loop bench: build first (npm run build)');
  process.exit(2);
}

interface LoopStats {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  samples: number;
  rssMiB: number;
}

// A program that streams ~100 lines/s for 4 s (inside Python's default 5 s limit); it is run
// again as soon as it ends, so output flows for the whole measurement.
const STREAM_PY = `import time
for i in range(400):
    print(f"line {i:04d} the quick brown fox jumps over the lazy dog", flush=True)
    time.sleep(0.01)
`;
const TYPED = 'total = total + value * 2  # a line typed by hand\n';

async function openFile(page: Page, url: string, folder: string, file: string): Promise<void> {
  await page.goto(`${url}&probe=1`);
  // A window after the first reopens the folder the host has open; the first one asks for it.
  const folderInput = page.getByLabel('Folder path on this machine');
  const tree = page.getByRole('tree', { name: 'Files' });
  await folderInput.or(tree).first().waitFor({ timeout: 60_000 });
  if (await folderInput.isVisible()) {
    await folderInput.fill(folder);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
  }
  await page.getByRole('tree', { name: 'Files' }).getByRole('treeitem', { name: file }).click();
  await page.getByRole('tab', { name: file, exact: true }).waitFor();
  await page.locator('.monaco-editor .view-lines').click();
}

/**
 * Types at 20 keys/s from a timer inside the page, through Monaco's own `type` command (what a
 * keystroke becomes after the DOM event), so the pace holds on a loaded machine where each
 * Playwright keystroke is a round trip. Returns the keys typed.
 */
async function typeFor(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    ([line, every, duration]) =>
      new Promise<number>((resolve) => {
        // renderer/collab/probe.ts, present with ?probe=1 (its global type is declared for the e2e helpers).
        const probe = (window as unknown as { __codecrafterProbe: { editor(): { trigger(source: string, id: string, arg: unknown): void } } }).__codecrafterProbe;
        const editor = probe.editor();
        let keys = 0;
        const start = performance.now();
        // Catches up when a tick comes late, so the average pace is 20 keys/s even under load.
        const timer = setInterval(() => {
          const due = Math.min(Math.floor((performance.now() - start) / (every as number)), Math.floor((duration as number) / (every as number)));
          while (keys < due) {
            editor.trigger('bench', 'type', { text: line![keys % line!.length]! });
            keys++;
          }
        }, every as number);
        setTimeout(() => {
          clearInterval(timer);
          resolve(keys);
        }, duration as number);
      }),
    [TYPED, KEY_DELAY_MS, ms] as const,
  );
}

async function streamRuns(page: Page, sandboxed: boolean, until: number): Promise<number> {
  let runs = 0;
  const verdict = page.getByRole('status', { name: 'Verdict' });
  while (Date.now() < until) {
    await page.getByRole('button', { name: sandboxed ? 'Run' : 'Run unsandboxed', exact: true }).click();
    runs++;
    await page.getByRole('status', { name: 'Run state' }).waitFor({ timeout: 60_000 }).catch(() => {});
    await verdict.waitFor({ timeout: 60_000 });
  }
  return runs;
}

async function main(): Promise<void> {
  const data = tempDir('cc-bench-loop-');
  const folder = path.join(data.dir, 'project');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'a.py'), 'total = 0\n');
  writeFileSync(path.join(folder, 'b.py'), 'value = 1\n');
  writeFileSync(path.join(folder, 'stream.py'), STREAM_PY);

  const host = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test/bench/loop-host.ts'), path.join(data.dir, 'data')], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, SHELL: '/bin/bash' },
  });
  const lines = createInterface({ input: host.stdout! })[Symbol.asyncIterator]();
  const nextJson = async <T>(): Promise<T> => {
    for (;;) {
      const { value, done } = await lines.next();
      if (done) throw new Error('the host exited');
      if (value.startsWith('{')) return JSON.parse(value) as T;
    }
  };
  const { url, sandboxed } = await nextJson<{ url: string; sandboxed: boolean }>();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1300, height: 850 } });
    const [peerA, peerB, runner] = [await context.newPage(), await context.newPage(), await context.newPage()];
    await openFile(runner, url, folder, 'stream.py');
    await runner.getByRole('tab', { name: 'Run' }).click();
    await openFile(peerA, url, folder, 'a.py');
    await openFile(peerB, url, folder, 'b.py');
    await peerA.keyboard.press('Control+End');
    await peerB.keyboard.press('Control+End');
    // Warm-up: the first run (pool, images) and the first keystrokes (Monaco, recording start).
    await Promise.all([typeFor(peerA, 5_000), typeFor(peerB, 5_000), streamRuns(runner, sandboxed, Date.now() + 5_000)]);

    host.stdin!.write('start\n');
    await new Promise((r) => setTimeout(r, 5_000));
    host.stdin!.write('stop\n');
    const idle = await nextJson<LoopStats>();

    host.stdin!.write('start\n');
    const [keysA, keysB, runs] = await Promise.all([
      typeFor(peerA, SECONDS * 1000),
      typeFor(peerB, SECONDS * 1000),
      streamRuns(runner, sandboxed, Date.now() + SECONDS * 1000),
    ]);
    host.stdin!.write('stop\n');
    const busy = await nextJson<LoopStats>();
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    const savedA = await peerA.getByText('Saved to history').count();

    const measured = { label: LABEL, when: new Date().toISOString(), sandboxed, seconds: SECONDS, keysA, keysB, runs, idle, busy, loadavg: load, savedA };
    console.log(measured);
    mkdirSync(RESULTS, { recursive: true });
    // BEFORE and AFTER are separate runs on different code: each run keeps its own file, and the
    // report table reads both.
    writeFileSync(path.join(RESULTS, `loop-${LABEL}.json`), JSON.stringify(measured, null, 2) + '\n');
    report();
  } finally {
    await browser.close();
    host.stdin!.write('exit\n');
    await new Promise((r) => host.once('exit', r));
    data.cleanup();
  }
}

type Measured = { label: string; when: string; sandboxed: boolean; seconds: number; keysA: number; keysB: number; runs: number; idle: LoopStats; busy: LoopStats; loadavg: string };

function report(): void {
  // Every measured run (loop-<label>.json), oldest first: before/after pairs taken on a shared
  // machine are only comparable next to each other's load.
  const runs = readdirSync(RESULTS)
    .filter((f) => /^loop-.+\.json$/.test(f))
    .map((f) => path.join(RESULTS, f))
    .map((f) => JSON.parse(readFileSync(f, 'utf8')) as Measured)
    .sort((a, b) => a.when.localeCompare(b.when));
  const rows: BenchRow[] = runs.flatMap((m): BenchRow[] => [
    {
      name: `${m.label}: idle (windows open, nothing typed)`,
      values: { 'p50 ms': m.idle.p50, 'p90 ms': m.idle.p90, 'p99 ms': m.idle.p99, 'max ms': m.idle.max, 'load (1/5/15 min)': m.loadavg, 'when': m.when.slice(0, 16) },
    },
    {
      name: `${m.label}: 2 x 20 keys/s + recording + ${m.sandboxed ? 'sandboxed' : 'unsandboxed'} run streaming`,
      values: {
        'p50 ms': m.busy.p50,
        'p90 ms': m.busy.p90,
        'p99 ms': m.busy.p99,
        'max ms': m.busy.max,
        'keys': m.keysA + m.keysB,
        'runs': m.runs,
        'RSS MiB': m.busy.rssMiB,
        'load (1/5/15 min)': m.loadavg,
        'when': m.when.slice(0, 16),
      },
    },
  ]);
  const after = runs.find((m) => m.label.startsWith('after'));
  writeReport({
    part: 'loop',
    title: 'Main process: event-loop delay while two windows type, record and run',
    notes: [
      `perf_hooks.monitorEventLoopDelay in the host process (10 ms timer; delay = sample - 10 ms, so an idle loop reads ~0), which runs alone in a child process (the browser host: the same services as Electron's main). Goal: p99 <= 16 ms.`,
      `Load: two Chromium windows type ${TYPED.trim().length}-character lines at 20 keys/s each into two files of one folder (both recorded, 40 updates/s), a third window runs a Python program that prints ~100 lines/s and runs it again when it ends; ${runs[0]?.seconds ?? SECONDS} s measured after a 5 s warm-up.`,
      `The machine is shared with other engineers' test runs (2 cores); the load average beside each row is the machine's, read at the end of the run. Delay spikes from other processes' CPU use land in these numbers too.`,
      `before = the code before issue 12's recorder changes (commit a01150e); after = the history service in a worker thread. Runs are listed oldest first; compare a pair taken close together (before-2/after-2 ran minutes apart; before-2 ran commit a01150e's main code from a temporary checkout with this branch's renderer bundle, whose only change is the chat parse), since the machine's load moved between 19 and 50 during these runs.${after ? '' : ' (after: not measured yet)'}`,
      `Reading: at load 19-50 the pairs are noise (before-2/after-2: p99 74.7 -> 40.2 ms). At load 5-8 (before-3, after-3, after-4, minutes apart) moving the recorder to a worker thread did NOT lower the busy p99 (25.8 ms before; 47.9 and 36.6 ms after) nor p90 (3.5 -> 9.0 / 6.9 ms): on 2 cores shared with three Chromium pages and Docker, the worker's CPU competes with main's, and the recorder was not what delays main's loop. The 16 ms p99 goal is not met before or after; the next step is a CPU profile of the host under this load (--cpu-prof) to find what is (candidates: WebSocket frames of run output and events, y-protocols not yet in place).`,
      `Quiet pair (load ~2.4, 2026-12-04, two minutes apart; before-quiet = commit a01150e built and run from its own checkout; after = main with the recorder in a worker and y-protocols sync): busy p99 8.02 ms before, 8.37 ms after, p90 1.00 / 0.94 ms. Goal p99 <= 16 ms met by both: when the machine is quiet the main loop was never the bottleneck, and the worker neither helps nor hurts; the misses above were other processes' CPU on 2 cores.`,
    ],
    rows,
    extra: Object.fromEntries(runs.map((m) => [m.label, m])),
  });
}

if (values['report-only']) report();
else await main();
