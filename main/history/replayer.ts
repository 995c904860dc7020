// Replay of one stored session: resolve a moment (seq, time, snapshot), rebuild the document there,
// the text of every file, diffs between moments, named snapshots, restore into a live doc, a
// playback cursor, the events (asciicast for terminals) and the timeline.
import * as Y from 'yjs';
import fastDiff from 'fast-diff';
import {
  HistoryEventSchema,
  ReplayPointSchema,
  SnapshotNameSchema,
  type FileDiff,
  type FilesAt,
  type HistoryEvent,
  type ReplayPoint,
  type ResolvedPoint,
  type SessionInfo,
  type Timeline,
} from '../../common/history';
import { FILES_MAP, filesOf } from './docs';
import { HistoryError } from './errors';
import { SessionLog } from './log';
import { buildTimeline, type TimelineOptions } from './timeline';
import type { StoredUpdate } from './chunks';
import type { HistoryStorage } from './storage';

export interface StoredEvent {
  id: number;
  seq: number;
  time: number;
  event: HistoryEvent;
}

export class Replayer {
  readonly log: SessionLog;

  constructor(
    private readonly storage: HistoryStorage,
    readonly session: SessionInfo,
    private readonly keyframeEvery: number,
  ) {
    this.log = new SessionLog(storage, session.id, session.createdAt);
  }

  get lastSeq(): number {
    return this.session.lastSeq;
  }

  /** Validates a point from outside and pins it to a seq within the session. */
  resolve(input: ReplayPoint | unknown): ResolvedPoint {
    const parsed = ReplayPointSchema.safeParse(input);
    if (!parsed.success) throw new HistoryError('invalid-input', `invalid replay point: ${parsed.error.message}`);
    const point = parsed.data;
    let seq: number;
    if (point === 'end') seq = this.lastSeq;
    else if ('seq' in point) {
      if (point.seq > this.lastSeq) {
        throw new HistoryError('invalid-input', `seq ${point.seq} is past the end of the session (${this.lastSeq})`);
      }
      seq = point.seq;
    } else if ('time' in point) seq = this.log.seqAtTime(point.time);
    else seq = this.snapshotSeq(point.snapshot);
    return { seq, time: this.log.timeOfSeq(seq) };
  }

  /** A fresh Y.Doc with the state at `point`; the caller owns (and destroys) it. */
  docAt(point: ReplayPoint): Y.Doc {
    return this.log.loadDoc(this.resolve(point).seq);
  }

  /** The full state at `point` as one Yjs update (what the UI applies to a read-only doc). */
  stateAt(point: ReplayPoint): ResolvedPoint & { update: Uint8Array } {
    const at = this.resolve(point);
    const doc = this.log.loadDoc(at.seq);
    try {
      return { ...at, update: Y.encodeStateAsUpdate(doc) };
    } finally {
      doc.destroy();
    }
  }

  filesAt(point: ReplayPoint): FilesAt {
    const at = this.resolve(point);
    const doc = this.log.loadDoc(at.seq);
    try {
      return { ...at, files: filesOf(doc), changed: this.log.fileOfSeq(at.seq) };
    } finally {
      doc.destroy();
    }
  }

  /** What changed from `from` to `to`, per file. */
  diff(from: ReplayPoint, to: ReplayPoint): FileDiff[] {
    const a = this.filesAt(from).files;
    const b = this.filesAt(to).files;
    const out: FileDiff[] = [];
    for (const path of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const before = a[path];
      const after = b[path];
      if (before === after) continue;
      const hunks = fastDiff(before ?? '', after ?? '') as Array<[-1 | 0 | 1, string]>;
      let inserted = 0;
      let deleted = 0;
      for (const [op, text] of hunks) {
        if (op === 1) inserted += text.length;
        else if (op === -1) deleted += text.length;
      }
      const status = before === undefined ? 'added' : after === undefined ? 'removed' : 'modified';
      out.push({ path, status, inserted, deleted, hunks });
    }
    return out;
  }

  createSnapshot(name: string, point: ReplayPoint = 'end'): ResolvedPoint & { name: string } {
    const parsed = SnapshotNameSchema.safeParse(name);
    if (!parsed.success) throw new HistoryError('invalid-input', 'snapshot name must be 1-200 characters');
    const at = this.resolve(point);
    this.storage.putSnapshot(this.session.id, { name, seq: at.seq, createdAt: Date.now() });
    return { ...at, name };
  }

  snapshots(): Array<{ name: string; seq: number; createdAt: number }> {
    return this.storage.snapshots(this.session.id);
  }

  deleteSnapshot(name: string): boolean {
    return this.storage.deleteSnapshot(this.session.id, name);
  }

  /**
   * Makes the files of a live doc equal to those at `point`, as ordinary edits (minimal, by diff) in
   * one transaction: history is never rewritten, peers receive the restore like any edit, and an
   * attached recorder records it. Returns the files that changed.
   */
  restoreInto(doc: Y.Doc, point: ReplayPoint, origin: unknown = 'history-restore'): string[] {
    const target = this.filesAt(point).files;
    const files = doc.getMap(FILES_MAP);
    const changed: string[] = [];
    doc.transact(() => {
      for (const path of [...files.keys()]) {
        if (!(path in target) && files.get(path) instanceof Y.Text) {
          files.delete(path);
          changed.push(path);
        }
      }
      for (const [path, text] of Object.entries(target)) {
        const current = files.get(path);
        if (!(current instanceof Y.Text)) {
          files.set(path, new Y.Text(text));
          changed.push(path);
          continue;
        }
        const before = current.toString();
        if (before === text) continue;
        let index = 0;
        for (const [op, chunk] of fastDiff(before, text)) {
          if (op === 0) index += chunk.length;
          else if (op === -1) current.delete(index, chunk.length);
          else {
            current.insert(index, chunk);
            index += chunk.length;
          }
        }
        changed.push(path);
      }
    }, origin);
    return changed.sort();
  }

  /** Events in time order, optionally only some kinds and a time window. */
  events(filter: { kinds?: HistoryEvent['kind'][]; fromTime?: number; toTime?: number } = {}): StoredEvent[] {
    const rows = this.storage.events(this.session.id, { fromTime: filter.fromTime, toTime: filter.toTime });
    const kinds = filter.kinds ? new Set<string>(filter.kinds) : null;
    const out: StoredEvent[] = [];
    for (const r of rows) {
      if (kinds && !kinds.has(r.kind)) continue;
      const parsed = HistoryEventSchema.safeParse({ ...JSON.parse(r.payload), kind: r.kind });
      if (parsed.success) out.push({ id: r.id, seq: r.seq, time: r.time, event: parsed.data });
    }
    return out;
  }

  /** One terminal's output as an asciicast v2 recording (header line + one JSON array per event). */
  asciicast(terminalId: string): string {
    const events = this.events({ kinds: ['terminal-open', 'terminal-data', 'terminal-resize'] }).filter(
      (e) => 'terminalId' in e.event && e.event.terminalId === terminalId,
    );
    const open = events.find((e) => e.event.kind === 'terminal-open');
    if (!open || open.event.kind !== 'terminal-open') {
      throw new HistoryError('not-found', `no terminal ${JSON.stringify(terminalId)} in session ${this.session.id}`);
    }
    const header: Record<string, unknown> = {
      version: 2,
      width: open.event.width,
      height: open.event.height,
      timestamp: Math.floor(open.time / 1000),
    };
    if (open.event.title) header.title = open.event.title;
    const lines = [JSON.stringify(header)];
    for (const e of events) {
      const t = Number(((e.time - open.time) / 1000).toFixed(6));
      if (e.event.kind === 'terminal-data') lines.push(JSON.stringify([t, e.event.stream, e.event.data]));
      else if (e.event.kind === 'terminal-resize') lines.push(JSON.stringify([t, 'r', `${e.event.width}x${e.event.height}`]));
    }
    return lines.join('\n') + '\n';
  }

  timeline(options: TimelineOptions = {}): Timeline {
    return buildTimeline(this.session, this.log, this.events(), this.snapshots(), options);
  }

  /** A playback head: seeks reuse the current doc when moving forward a little. */
  cursor(): ReplayCursor {
    return new ReplayCursor(this.log, this.lastSeq, this.keyframeEvery);
  }

  private snapshotSeq(name: string): number {
    const row = this.storage.snapshots(this.session.id).find((s) => s.name === name);
    if (!row) throw new HistoryError('not-found', `no snapshot named ${JSON.stringify(name)}`);
    return row.seq;
  }
}

export class ReplayCursor {
  private doc = new Y.Doc();
  private at = 0;

  constructor(
    private readonly log: SessionLog,
    readonly lastSeq: number,
    private readonly keyframeEvery: number,
  ) {}

  get seq(): number {
    return this.at;
  }

  get document(): Y.Doc {
    return this.doc;
  }

  seek(seq: number): void {
    if (!Number.isInteger(seq) || seq < 0 || seq > this.lastSeq) {
      throw new HistoryError('invalid-input', `seq must be between 0 and ${this.lastSeq}`);
    }
    if (seq >= this.at && seq - this.at <= this.keyframeEvery) {
      this.log.applyRange(this.doc, this.at, seq);
    } else {
      this.doc.destroy();
      this.doc = this.log.loadDoc(seq);
    }
    this.at = seq;
  }

  /** Applies up to `count` further updates and returns them (for animating playback). */
  step(count = 1): StoredUpdate[] {
    const to = Math.min(this.lastSeq, this.at + count);
    const updates = this.log.updates(this.at, to);
    this.doc.transact(() => {
      for (const u of updates) Y.applyUpdate(this.doc, u.data);
    }, 'history-replay');
    this.at = to;
    return updates;
  }

  files(): Record<string, string> {
    return filesOf(this.doc);
  }

  dispose(): void {
    this.doc.destroy();
  }
}
