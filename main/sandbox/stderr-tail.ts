// The last few KB of a program's stderr: enough to read how a runtime says it died (a JVM's
// uncaught OutOfMemoryError, V8's heap message) without keeping megabytes of output around.

const KEEP_CHARS = 8 * 1024;

export class StderrTail {
  private kept = '';

  push(data: string): void {
    this.kept = (this.kept + data).slice(-KEEP_CHARS);
  }

  get text(): string {
    return this.kept;
  }
}
