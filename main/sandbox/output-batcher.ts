// Coalesces a program's output into fewer, larger events: a program printing one byte per write
// would otherwise cost one IPC message (and one React update) per byte. Order across stdout and
// stderr is kept: a change of stream flushes what was gathered for the other one.

export const FLUSH_INTERVAL_MS = 16;
export const FLUSH_BYTES = 64 * 1024;

export class OutputBatcher {
  private stream: 'stdout' | 'stderr' | null = null;
  private parts: string[] = [];
  private size = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deliver: (stream: 'stdout' | 'stderr', data: string) => void) {}

  push(stream: 'stdout' | 'stderr', data: string): void {
    if (this.stream !== stream) this.flush();
    this.stream = stream;
    this.parts.push(data);
    this.size += data.length;
    if (this.size >= FLUSH_BYTES) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_INTERVAL_MS);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stream && this.parts.length) this.deliver(this.stream, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}
