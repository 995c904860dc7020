import * as Y from 'yjs';

// Peers' document updates, applied together (issue 8, "five peers typing"). Each update applied
// alone is a Yjs transaction, and every transaction costs the window a full round: observers, the
// editor's edit and repaint, the history recorder's push. When a busy page finds several updates
// waiting (four people typing, a frame that took long), they are applied in one transaction at
// the next task or frame: one round for all of them. An idle page applies each one a task later
// than it arrived, which is a fraction of a millisecond.

export interface QueuedUpdate<Link> {
  link: Link;
  /** The sender's key: whether it may write is asked again when the update is applied. */
  key: string;
  payload: Uint8Array;
}

export interface PeerUpdateQueueOptions<Link> {
  doc: Y.Doc;
  /** The origin of the batched transactions; the provider must not relay what carries it. */
  origin: object;
  /** Whether `key` may write now (a role may have been taken away while its update waited). */
  mayWrite(key: string): boolean;
  /** An update was dropped because its sender may no longer write. */
  onDropped(key: string): void;
  /** An update could not be read; the others of its batch are applied. */
  onUnreadable(link: Link, error: unknown): void;
  /** A batch was applied: how many updates it held. */
  onApplied?(updates: number): void;
  /** Runs `flush` soon and returns its cancel; the next task or frame unless a test says otherwise. */
  schedule?: (flush: () => void) => () => void;
}

/**
 * The next task or the next animation frame, whichever comes first. An idle page runs the timer
 * within a millisecond; a busy one renders a frame ahead of queued tasks, so updates waiting for
 * the timer would sit behind everything else. Measured with five people typing (room bench c, load
 * ~15 on 2 cores): p99 210 and 283 ms against 412 and 342 ms with the timer alone. No frames
 * outside a page (Node, the transport tests): the timer alone.
 */
const nextTaskOrFrame = (flush: () => void) => {
  const timer = setTimeout(flush, 0);
  if (typeof requestAnimationFrame !== 'function') return () => clearTimeout(timer);
  const frame = requestAnimationFrame(flush);
  return () => {
    clearTimeout(timer);
    cancelAnimationFrame(frame);
  };
};

export class PeerUpdateQueue<Link> {
  private queue: Array<QueuedUpdate<Link>> = [];
  private cancel: (() => void) | null = null;

  constructor(private readonly options: PeerUpdateQueueOptions<Link>) {}

  push(update: QueuedUpdate<Link>): void {
    this.queue.push(update);
    // flush() cancels whichever of the two schedules has not run.
    this.cancel ??= (this.options.schedule ?? nextTaskOrFrame)(() => this.flush());
  }

  /** Applies what waits now, in arrival order, in one transaction. */
  flush(): void {
    this.cancel?.();
    this.cancel = null;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    const { doc, origin } = this.options;
    const unreadable: Array<{ link: Link; error: unknown }> = [];
    let applied = 0;
    // local = false: these are not this window's edits (the recorder and file sync ask).
    Y.transact(
      doc,
      () => {
        for (const { link, key, payload } of batch) {
          if (!this.options.mayWrite(key)) {
            this.options.onDropped(key);
            continue;
          }
          try {
            Y.applyUpdate(doc, payload, origin);
            applied++;
          } catch (error) {
            unreadable.push({ link, error });
          }
        }
      },
      origin,
      false,
    );
    if (applied > 0) this.options.onApplied?.(applied);
    for (const { link, error } of unreadable) this.options.onUnreadable(link, error);
  }

  /** Drops what waits (the room is being left: those updates would land after it). */
  dispose(): void {
    this.cancel?.();
    this.cancel = null;
    this.queue = [];
  }
}
