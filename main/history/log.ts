// Reading one session's stored log: updates by seq range, the nearest keyframe, seq <-> time, and
// rebuilding the document at a seq (nearest keyframe + a short tail applied in one transaction).
import * as Y from 'yjs';
import { decodeChunk, type StoredUpdate } from './chunks';
import { HistoryError } from './errors';
import type { HistoryStorage, Keyframe, UpdateChunk } from './storage';

/** Chunks read per page when streaming a log. */
const PAGE_CHUNKS = 64;

export class SessionLog {
  constructor(
    private readonly storage: HistoryStorage,
    readonly sessionId: string,
    /** Time of seq 0 (session start). */
    readonly startTime: number,
  ) {}

  /** Updates with afterSeq < seq <= uptoSeq, in order. */
  updates(afterSeq: number, uptoSeq: number): StoredUpdate[] {
    const out: StoredUpdate[] = [];
    for (const row of this.storage.chunks(this.sessionId, { afterSeq, uptoSeq })) {
      for (const u of decode(row)) if (u.seq > afterSeq && u.seq <= uptoSeq) out.push(u);
    }
    return out;
  }

  /**
   * Streams updates chunk by chunk (full replays, timelines) without holding them all. Reads a page
   * at a time rather than through a live cursor, so callers may write to the storage between batches.
   */
  *iterate(afterSeq: number, uptoSeq: number): Generator<StoredUpdate[]> {
    let after = afterSeq;
    for (;;) {
      const rows = this.storage.chunks(this.sessionId, { afterSeq: after, uptoSeq, limit: PAGE_CHUNKS });
      if (!rows.length) return;
      for (const row of rows) {
        const batch = decode(row).filter((u) => u.seq > afterSeq && u.seq <= uptoSeq);
        if (batch.length) after = Math.max(after, batch[batch.length - 1]!.seq);
        yield batch;
      }
      if (after >= uptoSeq) return;
    }
  }

  /** The file update `seq` changed, when it changed exactly one (null for seq 0 or a multi-file edit). */
  fileOfSeq(seq: number): string | null {
    if (seq === 0) return null;
    const row = this.storage.chunkAtSeq(this.sessionId, seq);
    return (row ? decode(row).find((x) => x.seq === seq)?.file : null) ?? null;
  }

  timeOfSeq(seq: number): number {
    if (seq === 0) return this.startTime;
    const row = this.storage.chunkAtSeq(this.sessionId, seq);
    const u = row ? decode(row).find((x) => x.seq === seq) : undefined;
    if (u) return u.time;
    // A keyframe knows its own time, so a log compacted up to a keyframe still resolves it.
    const kf = this.nearestKeyframe(seq);
    if (kf?.seq === seq) return kf.time;
    throw new HistoryError('not-found', `update ${seq} is not in the log`);
  }

  /** The last update at or before `time` (0 if none). */
  seqAtTime(time: number): number {
    const row = this.storage.chunkAtTime(this.sessionId, time);
    if (!row) return 0;
    let seq = row.firstSeq;
    for (const u of decode(row)) if (u.time <= time) seq = u.seq;
    return seq;
  }

  nearestKeyframe(seq: number): Keyframe | undefined {
    return this.storage.keyframeAtOrBefore(this.sessionId, seq);
  }

  /** A fresh doc holding the state after update `seq`. */
  loadDoc(seq: number): Y.Doc {
    const doc = new Y.Doc();
    const kf = this.nearestKeyframe(seq);
    if (kf) Y.applyUpdateV2(doc, kf.data);
    this.applyRange(doc, kf?.seq ?? 0, seq);
    return doc;
  }

  /** Applies updates afterSeq < seq <= uptoSeq to `doc` in one transaction (several times faster than one each). */
  applyRange(doc: Y.Doc, afterSeq: number, uptoSeq: number): number {
    let applied = 0;
    doc.transact(() => {
      for (const batch of this.iterate(afterSeq, uptoSeq)) {
        for (const u of batch) Y.applyUpdate(doc, u.data);
        applied += batch.length;
      }
    }, 'history-replay');
    if (applied !== uptoSeq - afterSeq) {
      throw new HistoryError('not-found', `log is missing updates between ${afterSeq} and ${uptoSeq}`);
    }
    return applied;
  }
}

function decode(row: UpdateChunk): StoredUpdate[] {
  try {
    return decodeChunk(row.firstSeq, row.firstTime, row.body);
  } catch (error) {
    throw new HistoryError('corrupt-file', `history chunk at update ${row.firstSeq} is unreadable`, { cause: error });
  }
}

/**
 * Fills in keyframes so that no stretch of the log is longer than `every` updates without one.
 * Recording takes keyframes from the live doc only when it is cheap (timer flushes); bulk imports,
 * crashed sessions and imported files get theirs here, once, on first replay or on close.
 */
export function ensureKeyframes(storage: HistoryStorage, log: SessionLog, lastSeq: number, every: number): number {
  const seqs = storage.keyframeSeqs(log.sessionId).concat(lastSeq);
  let prev = 0;
  let start = -1;
  for (const s of seqs) {
    if (s - prev > every) {
      start = prev;
      break;
    }
    prev = Math.max(prev, s);
  }
  if (start < 0) return 0;
  const existing = new Set(seqs);
  const doc = new Y.Doc();
  const base = start > 0 ? log.nearestKeyframe(start) : undefined;
  if (base) Y.applyUpdateV2(doc, base.data);
  let created = 0;
  let lastKeyframe = start;
  let pending: StoredUpdate[] = [];
  const flushPending = () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    doc.transact(() => {
      for (const u of batch) Y.applyUpdate(doc, u.data);
    }, 'history-index');
  };
  const frames: Keyframe[] = [];
  for (const batch of log.iterate(start, lastSeq)) {
    for (const u of batch) {
      pending.push(u);
      if (existing.has(u.seq)) lastKeyframe = u.seq;
      else if (u.seq - lastKeyframe >= every) {
        flushPending();
        frames.push({ seq: u.seq, time: u.time, data: Y.encodeStateAsUpdateV2(doc) });
        lastKeyframe = u.seq;
        created++;
      }
    }
    if (frames.length >= 16) writeFrames();
  }
  writeFrames();
  return created;

  function writeFrames() {
    if (frames.length) storage.putKeyframes(log.sessionId, frames.splice(0));
  }
}
