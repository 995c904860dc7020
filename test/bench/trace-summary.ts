// Where a Chromium trace's time went, for the traces `terminal.bench.ts --page-trace` writes:
//   - the page's main thread (the renderer main thread with the most events): its span, busy time,
//     idle share, display frames, and its self time by kind (script, style + layout, paint +
//     commit, WebSocket IPC, GC, the rest);
//   - every thread's busy time and its events' self time by name (an event's time less that of the
//     events nested in it).
// Usage: npx tsx test/bench/trace-summary.ts <trace.json> [top]
import { readFileSync } from 'node:fs';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

interface Interval {
  name: string;
  start: number;
  end: number;
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: trace-summary <trace.json> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 12);
const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
const events = Array.isArray(raw) ? raw : raw.traceEvents;

const processNames = new Map<number, string>();
const threadNames = new Map<string, string>();
for (const event of events) {
  if (event.ph !== 'M') continue;
  if (event.name === 'process_name') processNames.set(event.pid, event.args?.name ?? '?');
  if (event.name === 'thread_name') threadNames.set(`${event.pid}:${event.tid}`, event.args?.name ?? '?');
}

// Complete events ('X') and begin/end pairs, per thread, as intervals.
const byThread = new Map<string, Interval[]>();
const open = new Map<string, { name: string; start: number }[]>();
const intervals = (key: string) => byThread.get(key) ?? byThread.set(key, []).get(key)!;
let frames = 0;
for (const event of events) {
  const key = `${event.pid}:${event.tid}`;
  if (event.name === 'ProxyMain::BeginMainFrame') frames++;
  if (event.ph === 'X' && event.dur !== undefined) intervals(key).push({ name: event.name, start: event.ts, end: event.ts + event.dur });
  else if (event.ph === 'B') (open.get(key) ?? open.set(key, []).get(key)!).push({ name: event.name, start: event.ts });
  else if (event.ph === 'E') {
    const begun = open.get(key)?.pop();
    if (begun) intervals(key).push({ name: begun.name, start: begun.start, end: event.ts });
  }
}

/** Self time by name, busy time and span of one thread's intervals. */
function selfTimes(list: Interval[]): { self: Map<string, number>; busy: number; span: number } {
  const sorted = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
  const self = new Map<string, number>();
  const stack: (Interval & { child: number })[] = [];
  let busy = 0;
  const close = (until: number) => {
    while (stack.length && stack.at(-1)!.end <= until) {
      const done = stack.pop()!;
      self.set(done.name, (self.get(done.name) ?? 0) + (done.end - done.start - done.child));
      if (stack.length) stack.at(-1)!.child += done.end - done.start;
      else busy += done.end - done.start;
    }
  };
  for (const interval of sorted) {
    close(interval.start);
    // An event that outlives its parent (clock skew) is clipped to it.
    const end = stack.length ? Math.min(interval.end, stack.at(-1)!.end) : interval.end;
    stack.push({ ...interval, end, child: 0 });
  }
  close(Infinity);
  const span = sorted.length ? Math.max(...sorted.map((i) => i.end)) - sorted[0]!.start : 0;
  return { self, busy, span };
}

/** What kind of work a renderer main-thread event is. */
function kind(name: string): string {
  if (/GC/.test(name)) return 'GC';
  if (/FunctionCall|EvaluateScript|^v8\.|^V8\.|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|AsyncTask|callFunction/.test(name)) return 'script';
  if (/Style|Layout|Shape/i.test(name)) return 'style + layout';
  if (/Paint|Compositing|Commit|BeginMainFrame|Raster|Layer/.test(name)) return 'paint + commit';
  if (/mojo|SimpleWatcher|WebSocket|IPC/.test(name)) return 'WebSocket IPC';
  return 'rest (task running)';
}

const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`;
const pageMain = [...byThread.keys()].filter((key) => threadNames.get(key) === 'CrRendererMain').sort((a, b) => byThread.get(b)!.length - byThread.get(a)!.length)[0];
if (pageMain) {
  const { self, busy, span } = selfTimes(byThread.get(pageMain)!);
  const kinds = new Map<string, number>();
  for (const [name, us] of self) kinds.set(kind(name), (kinds.get(kind(name)) ?? 0) + us);
  console.log(`page main thread: span ${ms(span)}, busy ${ms(busy)}, idle ${((1 - busy / span) * 100).toFixed(0)} %, ${frames} frames`);
  for (const [name, us] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${ms(us).padStart(9)}  ${name}`);
}

const rows = [...byThread].map(([key, list]) => {
  const [pid] = key.split(':');
  return { thread: `${processNames.get(Number(pid)) ?? pid} / ${threadNames.get(key) ?? key}`, ...selfTimes(list) };
});
rows.sort((a, b) => b.busy - a.busy);
for (const row of rows.slice(0, top)) {
  if (row.busy < 1000) continue;
  console.log(`\n${row.thread}: busy ${ms(row.busy)}`);
  for (const [name, us] of [...row.self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms(us).padStart(9)}  ${name}`);
}
