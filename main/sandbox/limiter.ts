// A concurrency limit with a bounded queue: at most `max` tasks run; up to `maxQueued` wait in
// order; beyond that, run() refuses at once instead of letting work pile up without bound.

export class QueueFullError extends Error {
  constructor(maxQueued: number) {
    super(`the sandbox is busy: ${maxQueued} runs are already waiting; try again shortly`);
    this.name = 'QueueFullError';
  }
}

export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly max: number,
    private readonly maxQueued: number,
  ) {}

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `task` when a slot is free. `onQueued` is told the queue position when it must wait. */
  async run<T>(task: () => Promise<T>, onQueued?: (position: number) => void, signal?: AbortSignal): Promise<T> {
    if (this.active >= this.max) {
      if (this.waiting.length >= this.maxQueued) throw new QueueFullError(this.maxQueued);
      onQueued?.(this.waiting.length + 1);
      await new Promise<void>((resolve, reject) => {
        const go = () => {
          signal?.removeEventListener('abort', abort);
          resolve();
        };
        const abort = () => {
          const index = this.waiting.indexOf(go);
          if (index !== -1) this.waiting.splice(index, 1);
          reject(signal?.reason ?? new Error('aborted'));
        };
        signal?.addEventListener('abort', abort, { once: true });
        this.waiting.push(go);
      });
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next(); // the slot passes straight to the next task
      else this.active--;
    }
  }
}
