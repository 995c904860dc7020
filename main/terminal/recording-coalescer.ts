// Terminal output on its way to the session history (issue 10 item 5, found by profiling a flood
// with --cpu-prof): the recorder commits a transaction with synchronous=FULL — an fsync on main's
// thread — every 50 ms while it has anything to write, so a terminal flood held main's event loop
// in SQLite for most of each second. Output is gathered here per terminal and handed on at most
// once per interval (or when a terminal's share grows large, or it exits), so a flood costs a
// commit a second instead of twenty; edits keep their own 50 ms durability.

/** How long terminal output may wait before it is recorded. */
export const RECORDING_INTERVAL_MS = 1000;
/** A terminal's gathered output is handed on at this size even before the interval ends. */
export const RECORDING_MAX_CHARS = 1024 * 1024;

export class RecordingCoalescer {
  private readonly pending = new Map<string, string[]>();
  private readonly sizes = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly record: (id: string, data: string) => void,
    private readonly intervalMs = RECORDING_INTERVAL_MS,
    private readonly maxChars = RECORDING_MAX_CHARS,
  ) {}

  add(id: string, data: string): void {
    const pieces = this.pending.get(id) ?? [];
    pieces.push(data);
    this.pending.set(id, pieces);
    const size = (this.sizes.get(id) ?? 0) + data.length;
    this.sizes.set(id, size);
    if (size >= this.maxChars) this.flush(id);
    else this.timer ??= setTimeout(() => this.flushAll(), this.intervalMs);
  }

  /** Hands on one terminal's output now (before its exit or resize is recorded, to keep order). */
  flush(id: string): void {
    const pieces = this.pending.get(id);
    if (!pieces) return;
    this.pending.delete(id);
    this.sizes.delete(id);
    this.record(id, pieces.join(''));
  }

  flushAll(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const id of [...this.pending.keys()]) this.flush(id);
  }

  dispose(): void {
    this.flushAll();
  }
}
