// Shared by every benchmark part: writes bench-results/<part>.json and replaces that part's
// section of BENCHMARKS.md (between <!-- bench:<part> --> markers), with the machine it ran on.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The timer interval the event-loop benches give perf_hooks.monitorEventLoopDelay. */
export const LOOP_RESOLUTION_MS = 10;

/**
 * A monitorEventLoopDelay sample (ns) as the loop's delay in ms: each sample is the timer's interval
 * plus the delay, so the interval is taken off (an idle loop reads ~0 ms, not ~10 ms).
 */
export function loopDelayMs(sampleNs: number): number {
  return Math.max(0, sampleNs / 1e6 - LOOP_RESOLUTION_MS);
}

export interface BenchRow {
  /** What was measured, e.g. "python hello world (engine)". */
  name: string;
  /** Column name -> value; numbers are printed as they are, so give them units in the column name. */
  values: Record<string, number | string>;
}

export interface BenchReport {
  part: string;
  title: string;
  /** Free text printed under the table: baselines, targets, notes. */
  notes: string[];
  rows: BenchRow[];
  /** Anything else worth keeping in the JSON (raw samples, ratios). */
  extra?: Record<string, unknown>;
}

export function machineDescription(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  const memGiB = (os.totalmem() / 2 ** 30).toFixed(0);
  return `${os.cpus().length} x ${cpu}, ${memGiB} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function writeReport(report: BenchReport, root = process.cwd()): void {
  const when = new Date().toISOString();
  const machine = machineDescription();
  const dir = path.join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${report.part}.json`), JSON.stringify({ ...report, when, machine }, null, 2) + '\n');

  const columns = [...new Set(report.rows.flatMap((r) => Object.keys(r.values)))];
  const fmt = (v: number | string | undefined) =>
    v === undefined ? '' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : v;
  const table = [
    `| what | ${columns.join(' | ')} |`,
    `| --- | ${columns.map(() => '---:').join(' | ')} |`,
    ...report.rows.map((r) => `| ${r.name} | ${columns.map((c) => fmt(r.values[c])).join(' | ')} |`),
  ].join('\n');
  const section = [
    `<!-- bench:${report.part} -->`,
    `## ${report.title}`,
    '',
    `Ran ${when} on ${machine}.`,
    '',
    table,
    '',
    ...report.notes.map((n) => `- ${n}`),
    `<!-- /bench:${report.part} -->`,
  ].join('\n');

  const file = path.join(root, 'BENCHMARKS.md');
  let text = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmarks\n\n`npm run bench` runs every part; `npm run bench -- <part>` one. Raw results: `bench-results/*.json`.\n';
  const pattern = new RegExp(`<!-- bench:${report.part} -->[\\s\\S]*?<!-- /bench:${report.part} -->`);
  text = pattern.test(text) ? text.replace(pattern, section) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
}
