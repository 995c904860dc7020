// History benchmark (issue 5): recording an editing trace vs bare Yjs, database size, seek
// latency for several keyframe intervals, full replay speed.
//   node --import tsx test/bench/history.bench.ts [trace.json.gz]   (default: automerge-paper)
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { HistoryStore, loadTrace, traceTimes, type SqliteHistoryStorage } from '../../main/history';
import type { EditingTrace } from '../../common/history';
import { percentile, writeReport, type BenchRow } from './report';
import { prng } from '../../common/prng';

const tracePath = process.argv[2] ?? '/work/shared/data/editing-traces/automerge-paper.json.gz';
const traceName = path.basename(tracePath).replace(/\.json(\.gz)?$/, '');
const SEEKS = 1000;
const INTERVALS = [500, 1000, 2000, 4000];
const DEFAULT_INTERVAL = 2000;
const RUNS = 5;

function applyTrace(trace: EditingTrace, doc: Y.Doc, beforeEach?: (k: number) => void): void {
  const text = new Y.Text();
  doc.transact(() => {
    doc.getMap('files').set('paper.tex', text);
    if (trace.startContent) text.insert(0, trace.startContent);
  });
  for (let k = 0; k < trace.txns.length; k++) {
    beforeEach?.(k);
    const patches = trace.txns[k]!.patches;
    doc.transact(() => {
      for (const [pos, del, ins] of patches) {
        if (del) text.delete(pos, del);
        if (ins) text.insert(pos, ins);
      }
    });
  }
}

function median(xs: number[]): number {
  return percentile(xs, 50);
}


function fileSize(file: string): number {
  return [file, `${file}-wal`].filter(existsSync).reduce((n, f) => n + statSync(f).size, 0);
}

const trace = loadTrace(tracePath);
const times = traceTimes(trace);
const updates = trace.txns.length + 1;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cc-history-bench-'));
console.log(`trace ${traceName}: ${trace.txns.length} txns; temp dir ${tmp}`);

// Warm-up so that the first measured run does not pay for JIT compilation.
applyTrace(trace, new Y.Doc());

// Interleaved rounds (bare, bare + listener, recording) so that load from other processes on
// the machine hits all three alike; the best of RUNS is reported next to the median.
const bare: number[] = [];
const bareListener: number[] = [];
const record: number[] = [];
// CPU time of this process as well: less disturbed than wall time by other jobs on the machine.
const cpu = { bare: [] as number[], bareListener: [] as number[], record: [] as number[] };
const cpuSince = (start: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
};
const closeIndex: number[] = [];
let dbFile = '';
let sessionId = '';
for (let r = 0; r < RUNS; r++) {
  let c0 = process.cpuUsage();
  let t = performance.now();
  applyTrace(trace, new Y.Doc());
  bare.push(performance.now() - t);
  cpu.bare.push(cpuSince(c0));

  const listening = new Y.Doc();
  let bytes = 0;
  listening.on('update', (u: Uint8Array) => (bytes += u.length));
  c0 = process.cpuUsage();
  t = performance.now();
  applyTrace(trace, listening);
  bareListener.push(performance.now() - t);
  cpu.bareListener.push(cpuSince(c0));

  if (dbFile) rmSync(dbFile);
  dbFile = path.join(tmp, `record-${r}.sqlite`);
  const store = HistoryStore.open(dbFile, { recorder: { keyframeEvery: DEFAULT_INTERVAL } });
  const recorder = store.startSession({ workspaceId: 'bench', kind: 'import', startedAt: times[0] });
  const doc = new Y.Doc();
  let now = times[0]!;
  c0 = process.cpuUsage();
  t = performance.now();
  recorder.attach(doc, { authorOf: () => 'trace', timeOf: () => now });
  applyTrace(trace, doc, (k) => (now = times[k]!));
  recorder.flush(); // every update durable (synchronous = FULL): part of the recording cost
  record.push(performance.now() - t);
  cpu.record.push(cpuSince(c0));
  const c = performance.now();
  recorder.close(); // final keyframe + the keyframes the bulk import left for later
  closeIndex.push(performance.now() - c);
  sessionId = recorder.sessionId;
  store.close();
}

function sizes(store: HistoryStore<SqliteHistoryStorage>): { updates: number; keyframes: number; keyframeCount: number } {
  const u = store.storage.db.prepare('SELECT COALESCE(SUM(LENGTH(body)), 0) FROM update_chunks').pluck().get() as number;
  const k = store.storage.db.prepare('SELECT COALESCE(SUM(LENGTH(data)), 0), COUNT(*) FROM keyframes').raw().get() as [number, number];
  return { updates: u, keyframes: k[0], keyframeCount: k[1] };
}

const rows: BenchRow[] = [];
const seekResults: Record<string, unknown> = {};
for (const interval of INTERVALS) {
  const store = HistoryStore.open(dbFile, { recorder: { keyframeEvery: interval } });
  store.storage.db.prepare('DELETE FROM keyframes').run();
  store.storage.db.exec('VACUUM');
  const ti = performance.now();
  store.indexSession(sessionId);
  const indexMs = performance.now() - ti;
  const replay = store.openReplay(sessionId);
  const random = prng(7);
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  for (let i = 0; i < SEEKS; i++) {
    const seq = Math.floor(random() * (replay.lastSeq + 1));
    const c0 = process.cpuUsage();
    const t = performance.now();
    replay.filesAt({ seq });
    samples.push(performance.now() - t);
    cpuSamples.push(cpuSince(c0));
  }
  const s = sizes(store);
  store.close();
  const dbBytes = fileSize(dbFile);
  seekResults[String(interval)] = { indexMs, samples: samples.map((x) => Number(x.toFixed(3))) };
  rows.push({
    name: `keyframe every ${interval} updates${interval === DEFAULT_INTERVAL ? ' (default)' : ''}`,
    values: {
      'keyframes': s.keyframeCount,
      'index ms': indexMs,
      'seek p50 ms': percentile(samples, 50),
      'seek p95 ms': percentile(samples, 95),
      'seek max ms': Math.max(...samples),
      'seek p95 cpu ms': percentile(cpuSamples, 95),
      'db MB': dbBytes / 2 ** 20,
      'keyframes MB': s.keyframes / 2 ** 20,
      'log MB': s.updates / 2 ** 20,
    },
  });
  console.log(rows[rows.length - 1]);
}

// Full replay at maximum speed, with the default keyframes in place again.
const store = HistoryStore.open(dbFile, { recorder: { keyframeEvery: DEFAULT_INTERVAL } });
store.storage.db.prepare('DELETE FROM keyframes').run();
store.indexSession(sessionId);
const replay = store.openReplay(sessionId);
let t = performance.now();
const batchDoc = new Y.Doc();
replay.log.applyRange(batchDoc, 0, replay.lastSeq);
const replayBatchMs = performance.now() - t;
t = performance.now();
const frameDoc = new Y.Doc();
let frames = 0;
for (const batch of replay.log.iterate(0, replay.lastSeq)) {
  for (const u of batch) {
    Y.applyUpdate(frameDoc, u.data); // one transaction per update: a frame of playback
    frames++;
  }
}
const replayFramesMs = performance.now() - t;
const finalText = replay.filesAt('end').files['paper.tex'];
const timelineStart = performance.now();
const timeline = replay.timeline();
const timelineMs = performance.now() - timelineStart;
store.close();
if (finalText !== trace.endContent || frames !== updates) throw new Error('replay does not reproduce the trace');
rmSync(tmp, { recursive: true, force: true });

const best = (xs: number[]) => Math.min(...xs);
const bareMs = best(bare);
const listenerMs = best(bareListener);
const recordMs = best(record);
rows.unshift(
  { name: 'bare Y.Doc, no listener', values: { 'ms': bareMs, 'median ms': median(bare), 'cpu ms': best(cpu.bare) } },
  {
    name: "bare Y.Doc + 'update' listener (any synced doc)",
    values: {
      'ms': listenerMs,
      'median ms': median(bareListener),
      'cpu ms': best(cpu.bareListener),
      'x bare': listenerMs / bareMs,
      'cpu x bare': best(cpu.bareListener) / best(cpu.bare),
    },
  },
  {
    name: 'recording (attach + flush, all durable)',
    values: {
      'ms': recordMs,
      'median ms': median(record),
      'cpu ms': best(cpu.record),
      'x bare': recordMs / bareMs,
      'cpu x bare': best(cpu.record) / best(cpu.bare),
      'x listener': recordMs / listenerMs,
    },
  },
  { name: 'close: remaining keyframes (bulk import only)', values: { 'ms': best(closeIndex), 'median ms': median(closeIndex) } },
  { name: 'full replay, one transaction', values: { 'ms': replayBatchMs, 'updates/s': Math.round(updates / (replayBatchMs / 1000)) } },
  { name: 'full replay, one transaction per update', values: { 'ms': replayFramesMs, 'updates/s': Math.round(updates / (replayFramesMs / 1000)) } },
  { name: 'timeline of the whole session', values: { 'ms': timelineMs } },
);

writeReport({
  part: 'history',
  title: `History: record and replay (${traceName}, ${updates} updates)`,
  notes: [
    `Trace: ${traceName} from josephg/editing-traces (${trace.txns.length} txns, one Yjs transaction each, plus one creating the file).`,
    `Best of ${RUNS} interleaved rounds after a warm-up (medians beside them; other jobs share these 2 cores). Recording = a Y.Doc with the recorder attached, edits applied, then flush() until every update is committed (WAL, synchronous=FULL, ${DEFAULT_INTERVAL}-update keyframes).`,
    `Target recording <= 1.5x bare Yjs: ${recordMs / bareMs <= 1.5 ? 'met' : 'not met'} against a bare doc (${(recordMs / bareMs).toFixed(2)}x); against a doc with an 'update' listener, which every doc that syncs or persists has, ${(recordMs / listenerMs).toFixed(2)}x. The listener alone (Yjs encoding each transaction's update) costs ${(listenerMs / bareMs).toFixed(2)}x bare.`,
    `Seek = filesAt(seq) for ${SEEKS} seeded random points: nearest keyframe (encodeStateAsUpdateV2) + the tail applied in one transaction + text of every file. Target p95 <= 50 ms.`,
    `Default keyframe interval: ${DEFAULT_INTERVAL} updates (or 60 s of a live session).`,
    `Timeline: ${timeline.tracks.length} track(s), ${timeline.markers.length} markers.`,
  ],
  rows,
  extra: { bare, bareListener, record, cpu, closeIndex, seeks: seekResults },
});
console.log(rows.slice(0, 7));
