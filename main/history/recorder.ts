// Records one session: Yjs updates and events go to an in-memory batch (an array push, never a
// disk write on the typing path); a batch is committed in one transaction on a short timer, when it
// grows large, or on flush(). `durableSeq` / onDurable say which updates are committed: after a
// crash (kill -9) every acknowledged update is in the database.
import * as Y from 'yjs';
import {
  HistoryFilePathSchema,
  type HistoryEvent,
  type RecordUpdateMeta,
} from '../../common/history';
import { CHUNK_MAX, encodeChunk, type StoredUpdate } from './chunks';
import type { EventRow, HistoryStorage, SessionRecord, UpdateChunk } from './storage';
import { HistoryError } from './errors';
import { FILES_MAP } from './docs';
import { Emitter } from '../../common/event';
import { getLogger } from '../log/log-service';

const log = getLogger('history');

export interface RecorderOptions {
  /** Commit the batch this long after its first entry (ms). */
  flushIntervalMs?: number;
  /** Commit at once when this many updates are waiting. */
  maxBatch?: number;
  /** Keyframe after this many updates ... */
  keyframeEvery?: number;
  /** ... or this many seconds after the last one if anything changed (attached doc only). */
  keyframeSeconds?: number;
  /** Keep at most one awareness event per author per this many ms (the latest wins). */
  awarenessThrottleMs?: number;
  /** Where a failed timer flush is reported; the batch is kept and retried. */
  onError?: (error: unknown) => void;
}

export interface AttachOptions {
  /** Participant for a transaction; default `client:<id>` of whoever added structs. */
  authorOf?: (origin: unknown, transaction: Y.Transaction) => string | undefined;
  /** Time for a transaction (ms); default now. Imports of recorded traces pass the trace's clock. */
  timeOf?: (origin: unknown, transaction: Y.Transaction) => number | undefined;
}

export const DEFAULT_KEYFRAME_EVERY = 2000;

interface PendingEvent {
  seq: number;
  time: number;
  kind: string;
  payload: string;
}

export class SessionRecorder {
  readonly sessionId: string;
  private seq: number;
  private durable: number;
  private lastTime: number;
  private nextEventId: number;
  private updates: StoredUpdate[] = [];
  private events: PendingEvent[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly durableEmitter = new Emitter<number>();
  private readonly validFiles = new Set<string>();
  private readonly awarenessLast = new Map<string, number>();
  private readonly awarenessHeld = new Map<string, { event: HistoryEvent; time: number }>();
  private doc: Y.Doc | null = null;
  private detachDoc: (() => void) | null = null;
  private lastKeyframeSeq: number;
  private lastKeyframeAt = Date.now();
  private closed = false;
  private readonly opts: Required<Omit<RecorderOptions, 'onError'>> & Pick<RecorderOptions, 'onError'>;

  constructor(
    private readonly storage: HistoryStorage,
    session: Pick<SessionRecord, 'id' | 'lastSeq' | 'lastTime'>,
    options: RecorderOptions,
    private readonly onClose: (recorder: SessionRecorder) => void,
  ) {
    this.opts = {
      flushIntervalMs: options.flushIntervalMs ?? 50,
      maxBatch: options.maxBatch ?? 16_384,
      keyframeEvery: options.keyframeEvery ?? DEFAULT_KEYFRAME_EVERY,
      keyframeSeconds: options.keyframeSeconds ?? 60,
      awarenessThrottleMs: options.awarenessThrottleMs ?? 250,
      onError: options.onError,
    };
    this.sessionId = session.id;
    this.seq = this.durable = session.lastSeq;
    this.lastTime = session.lastTime;
    this.nextEventId = storage.lastEventId(this.sessionId) + 1;
    this.lastKeyframeSeq = storage.keyframeSeqs(this.sessionId).at(-1) ?? 0;
  }

  /** Number of the last update handed to the recorder. */
  get lastSeq(): number {
    return this.seq;
  }

  /** Every update up to this number is committed to disk. */
  get durableSeq(): number {
    return this.durable;
  }

  /** Called after each commit with the new durableSeq; returns its disposer. */
  readonly onDurable = this.durableEmitter.event;

  /**
   * Hot path: validation is by hand (a zod parse per keystroke costs more than the rest of this
   * function); IPC callers validate with RecordUpdateMetaSchema before they get here.
   */
  recordUpdate(update: Uint8Array, meta: RecordUpdateMeta = {}): number {
    this.assertOpen();
    if (!(update instanceof Uint8Array) || update.length === 0) {
      throw new HistoryError('invalid-input', 'update must be a non-empty Uint8Array');
    }
    const file = meta.file ?? null;
    if (file !== null && !this.validFiles.has(file)) {
      const parsed = HistoryFilePathSchema.safeParse(file);
      if (!parsed.success) throw new HistoryError('invalid-input', `invalid file path ${JSON.stringify(file)}`);
      this.validFiles.add(file);
    }
    const author = meta.author ?? 'unknown';
    if (typeof author !== 'string' || author.length > 200) throw new HistoryError('invalid-input', 'invalid author');
    const time = this.clock(meta.time);
    this.updates.push({ seq: ++this.seq, time, author, file, origin: meta.origin ?? null, data: update });
    if (this.updates.length >= this.opts.maxBatch) this.commit(false);
    else this.schedule();
    return this.seq;
  }

  /**
   * Records a non-Yjs event, either as one object `{kind, ...payload}` or as `(kind, payload)`;
   * `time` defaults to now. Not parsed again: events from the renderer were validated by the
   * contract's schema at the boundary, and main's own are typed (issue 12: validate once).
   */
  recordEvent(event: HistoryEvent, time?: number): void;
  recordEvent<K extends HistoryEvent['kind']>(kind: K, payload: Omit<Extract<HistoryEvent, { kind: K }>, 'kind'>, time?: number): void;
  recordEvent(first: HistoryEvent | HistoryEvent['kind'], second?: unknown, third?: number): void {
    this.assertOpen();
    const byKind = typeof first === 'string';
    const event = (byKind ? { ...(second as object), kind: first } : first) as HistoryEvent;
    const time = byKind ? third : (second as number | undefined);
    const at = this.clock(time);
    if (event.kind === 'awareness') {
      const last = this.awarenessLast.get(event.author);
      if (last !== undefined && at - last < this.opts.awarenessThrottleMs) {
        this.awarenessHeld.set(event.author, { event, time: at });
        this.schedule();
        return;
      }
      this.awarenessLast.set(event.author, at);
      this.awarenessHeld.delete(event.author);
    }
    this.pushEvent(event, at);
  }

  private pushEvent(event: HistoryEvent, time: number): void {
    const { kind, ...payload } = event;
    this.events.push({ seq: this.seq, time, kind, payload: JSON.stringify(payload) });
    this.schedule();
  }

  /**
   * Records every update of `doc` (the usual way), with its file taken from the transaction and
   * its author from `authorOf` or the Yjs client ids that gained structs. Keyframes are then
   * taken from the live doc. Returns the disposer.
   */
  attach(doc: Y.Doc, options: AttachOptions = {}): () => void {
    const { authorOf, timeOf } = options;
    this.assertOpen();
    if (this.doc) throw new HistoryError('conflict', 'a document is already attached to this recorder');
    const files = doc.getMap(FILES_MAP);
    const handler = (update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
      this.recordUpdate(update, {
        author: authorOf?.(origin, tr) ?? authorFromTransaction(doc, tr),
        file: fileFromTransaction(files, tr),
        origin: typeof origin === 'string' ? origin : tr.local ? 'local' : 'remote',
        time: timeOf?.(origin, tr),
      });
    };
    doc.on('update', handler);
    this.doc = doc;
    this.detachDoc = () => {
      doc.off('update', handler);
      this.doc = null;
      this.detachDoc = null;
    };
    return this.detachDoc;
  }

  /** Commits everything waiting; returns durableSeq. */
  flush(): number {
    this.assertOpen();
    this.commit(true);
    return this.durable;
  }

  /** Flushes, takes a final keyframe, marks the session ended unless `keepOpen`. */
  close(options: { keepOpen?: boolean } = {}): number {
    if (this.closed) return this.durable;
    this.releaseHeldAwareness(true);
    this.commit(true, true);
    if (!options.keepOpen) this.storage.updateSession(this.sessionId, { endedAt: this.lastTime });
    this.detachDoc?.();
    this.closed = true;
    this.onClose(this);
    return this.durable;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private clock(time: number | undefined): number {
    let t = time ?? Date.now();
    if (!Number.isSafeInteger(t) || t < 0) throw new HistoryError('invalid-input', 'time must be a non-negative integer (ms)');
    // Replay seeks by time with a binary search, so a session's clock never goes back.
    if (t < this.lastTime) t = this.lastTime;
    this.lastTime = t;
    return t;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        this.commit(true);
      } catch (error) {
        if (this.opts.onError) this.opts.onError(error);
        else log.warn({ err: error, sessionId: this.sessionId }, 'history flush failed, will retry');
        this.schedule();
      }
    }, this.opts.flushIntervalMs);
    this.timer.unref?.();
  }

  private releaseHeldAwareness(all: boolean): void {
    // The wall clock too: while nothing else happens the session clock stands still, and the
    // latest cursor position would wait for the next edit (or be lost in a crash).
    const now = Math.max(this.lastTime, Date.now());
    for (const [author, held] of this.awarenessHeld) {
      const last = this.awarenessLast.get(author) ?? 0;
      if (all || now - last >= this.opts.awarenessThrottleMs) {
        this.events.push({
          seq: this.seq,
          time: held.time,
          kind: held.event.kind,
          payload: JSON.stringify({ ...held.event, kind: undefined }),
        });
        this.awarenessLast.set(author, held.time);
        this.awarenessHeld.delete(author);
      }
    }
    if (this.awarenessHeld.size && !all) this.schedule();
  }

  /** One atomic append per batch. `mayKeyframe` is false inside a Yjs update handler's size trigger. */
  private commit(mayKeyframe: boolean, forceKeyframe = false): void {
    if (this.timer && (mayKeyframe || forceKeyframe)) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.releaseHeldAwareness(false);
    const keyframe = mayKeyframe ? this.takeKeyframe(forceKeyframe) : null;
    if (!this.updates.length && !this.events.length && !keyframe) return;
    const updates = this.updates;
    const events = this.events;
    this.updates = [];
    this.events = [];
    const seq = this.seq;
    const firstEventId = this.nextEventId;
    const chunks: UpdateChunk[] = [];
    for (let i = 0; i < updates.length; i += CHUNK_MAX) chunks.push(encodeChunk(updates.slice(i, i + CHUNK_MAX)));
    const rows: EventRow[] = events.map((e, i) => ({ id: firstEventId + i, ...e }));
    try {
      this.storage.append(this.sessionId, {
        chunks,
        events: rows,
        keyframe: keyframe ?? undefined,
        lastSeq: seq,
        lastTime: this.lastTime,
        updatedAt: Date.now(),
      });
    } catch (error) {
      // Nothing was committed: keep the batch so the next flush retries it in order.
      this.updates = updates.concat(this.updates);
      this.events = events.concat(this.events);
      throw error;
    }
    this.nextEventId = firstEventId + events.length;
    if (keyframe) {
      this.lastKeyframeSeq = keyframe.seq;
      this.lastKeyframeAt = Date.now();
    }
    this.durable = seq;
    this.durableEmitter.fire(seq);
  }

  private takeKeyframe(force: boolean): { seq: number; time: number; data: Uint8Array } | null {
    if (!this.doc || this.seq === this.lastKeyframeSeq) return null;
    const due =
      force ||
      this.seq - this.lastKeyframeSeq >= this.opts.keyframeEvery ||
      Date.now() - this.lastKeyframeAt >= this.opts.keyframeSeconds * 1000;
    if (!due) return null;
    return { seq: this.seq, time: this.lastTime, data: Y.encodeStateAsUpdateV2(this.doc) };
  }

  private assertOpen(): void {
    if (this.closed) throw new HistoryError('closed', `recorder for session ${this.sessionId} is closed`);
  }
}

// Yjs's own type for the keys of Transaction.changed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<Y.YEvent<any>>;

function fileFromTransaction(files: Y.Map<unknown>, tr: Y.Transaction): string | null {
  const filesType = files as unknown as AnyType;
  let found: string | null = null;
  for (const [type, keys] of tr.changed) {
    if (type === filesType) {
      for (const key of keys) {
        if (key === null) continue;
        if (found !== null && found !== key) return null;
        found = key;
      }
      continue;
    }
    let t: AnyType | null = type;
    // Walk up to the Y.Text that is a direct child of `files`; its key is the path.
    while (t && t._item && t._item.parent !== filesType) t = t._item.parent as AnyType;
    const key = t?._item?.parentSub ?? null;
    if (key === null) continue;
    if (found !== null && found !== key) return null;
    found = key;
  }
  return found;
}

function authorFromTransaction(doc: Y.Doc, tr: Y.Transaction): string {
  if (tr.local) return `client:${doc.clientID}`;
  for (const [client, clock] of tr.afterState) {
    if ((tr.beforeState.get(client) ?? 0) < clock) return `client:${client}`;
  }
  return 'remote';
}
