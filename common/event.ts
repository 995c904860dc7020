import type { Disposer } from './rpc';

// One event emitter for every runtime (issue 12), after VS Code's `Emitter<T>`: the owner keeps the
// emitter and fires it; everyone else gets only `event`, which subscribes and returns the disposer.
// A listener that throws does not stop the others; the error is handed to `onListenerError` (or
// rethrown asynchronously, so it is reported rather than lost).

export type Event<T> = (listener: (value: T) => void) => Disposer;

export interface EmitterOptions {
  onListenerError?: (error: unknown) => void;
  /** Called when the first listener subscribes and when the last one leaves (lazy sources). */
  onFirstListener?: () => void;
  onLastListener?: () => void;
}

export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();
  private disposed = false;

  constructor(private readonly options: EmitterOptions = {}) {}

  readonly event: Event<T> = (listener) => {
    if (this.disposed) return () => {};
    // A wrapper per subscription, so one function subscribed twice is two subscriptions.
    const entry = (value: T) => listener(value);
    this.listeners.add(entry);
    if (this.listeners.size === 1) this.options.onFirstListener?.();
    return () => {
      if (!this.listeners.delete(entry)) return;
      if (this.listeners.size === 0) this.options.onLastListener?.();
    };
  };

  fire(value: T): void {
    // A snapshot, so a listener added while firing waits for the next value; one removed while
    // firing is skipped.
    for (const listener of [...this.listeners]) {
      if (!this.listeners.has(listener)) continue;
      try {
        listener(value);
      } catch (error) {
        if (this.options.onListenerError) this.options.onListenerError(error);
        // common has no timers: an unhandled rejection is how the error still gets reported.
        else void Promise.reject(error);
      }
    }
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
