// Editing traces (josephg/editing-traces format) recorded as sessions: the CLI's import-trace, the
// integration tests and the benchmark all go through here. One Yjs transaction per trace txn.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { EditingTraceSchema, HistoryFilePathSchema, type EditingTrace } from '../../common/history';
import { FILES_MAP } from './docs';
import { HistoryError } from './errors';
import type { RecorderOptions } from './recorder';
import type { HistoryStore } from './store';

export function loadTrace(file: string): EditingTrace {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch (error) {
    throw new HistoryError('not-found', `cannot read trace ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    const text = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
    json = JSON.parse(text);
  } catch (error) {
    throw new HistoryError('invalid-trace', `${file} is not a (gzipped) JSON editing trace: ${(error as Error).message}`);
  }
  return parseTrace(json, file);
}

/** Validates shape and that every patch is in range, so a bad trace fails before anything is written. */
export function parseTrace(json: unknown, name = 'trace'): EditingTrace {
  const parsed = EditingTraceSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HistoryError('invalid-trace', `${name} is not an editing trace: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  const trace = parsed.data;
  let length = trace.startContent.length;
  trace.txns.forEach((txn, t) => {
    txn.patches.forEach(([pos, del, ins], p) => {
      if (pos > length || pos + del > length) {
        throw new HistoryError('invalid-trace', `${name}: txns[${t}].patches[${p}] = [${pos}, ${del}] is outside the text (length ${length})`);
      }
      length += ins.length - del;
    });
  });
  if (length !== trace.endContent.length) {
    throw new HistoryError('invalid-trace', `${name}: applying the patches gives ${length} characters, endContent has ${trace.endContent.length}`);
  }
  return trace;
}

/** Trace times: ISO strings or ms; a missing or epoch-zero time (unknown) takes its neighbour's. */
export function traceTimes(trace: EditingTrace): number[] {
  const raw = trace.txns.map((t) => {
    const v = t.time ?? t.timestamp;
    const ms = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : Number.NaN;
    return Number.isFinite(ms) && ms > 0 ? Math.floor(ms) : Number.NaN;
  });
  const firstKnown = raw.find((x) => !Number.isNaN(x)) ?? Date.now();
  let prev = firstKnown;
  return raw.map((x) => (Number.isNaN(x) ? prev : (prev = x)));
}

export interface RecordTraceOptions {
  workspaceId?: string;
  /** Workspace path the trace's text lives at. */
  file: string;
  title?: string;
  recorder?: RecorderOptions;
}

/**
 * Records the trace as a new session: seq 1 creates the file with startContent, seq k + 1 is the
 * state after txns[0..k-1]. Returns the session id once every update is durable and indexed.
 */
export function recordTrace(store: HistoryStore, trace: EditingTrace, options: RecordTraceOptions): { sessionId: string; updates: number } {
  const file = HistoryFilePathSchema.safeParse(options.file);
  if (!file.success) throw new HistoryError('invalid-input', `invalid file path ${JSON.stringify(options.file)}`);
  const times = traceTimes(trace);
  const start = times[0] ?? Date.now();
  const recorder = store.startSession(
    { workspaceId: options.workspaceId ?? 'trace', kind: 'import', title: options.title ?? file.data, startedAt: start },
    options.recorder,
  );
  const doc = new Y.Doc();
  let now = start;
  recorder.attach(doc, { authorOf: () => 'trace', timeOf: () => now });
  const text = new Y.Text();
  doc.transact(() => {
    doc.getMap(FILES_MAP).set(file.data, text);
    if (trace.startContent) text.insert(0, trace.startContent);
  });
  for (let k = 0; k < trace.txns.length; k++) {
    now = times[k]!;
    const patches = trace.txns[k]!.patches;
    doc.transact(() => {
      for (const [pos, del, ins] of patches) {
        if (del) text.delete(pos, del);
        if (ins) text.insert(pos, ins);
      }
    });
  }
  recorder.flush();
  const updates = recorder.lastSeq;
  recorder.close();
  doc.destroy();
  return { sessionId: recorder.sessionId, updates };
}
