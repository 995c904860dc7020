
// One event emitter for every runtime (issue 12), after VS Code's `Emitter<T>`: the owner keeps the
// emitter and fires it; everyone else gets only `event`, which subscribes and returns the disposer.
// A listener that throws does not stop the others; the error is handed to `onListenerError` (or
// rethrown asynchronously, so it is reported rather than lost).

/** Ends a subscription; calling it twice is harmless. */
export type Disposer = () => void;

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

export interface KeyedEmitterOptions {
  onListenerError?: (error: unknown) => void;
  /** A key got its first listener (e.g. subscribe to that channel upstream). */
  onFirstListener?: (key: string) => void;
  /** A key lost its last listener (e.g. unsubscribe upstream). */
  onLastListener?: (key: string) => void;
}

/**
 * One Emitter per key (an event channel): made at a key's first listener and dropped with its
 * last, so the keys are exactly the channels someone listens to. The event hub, the WebSocket
 * transport and the preload each fan events out this way.
 */
export class KeyedEmitter<T> {
  private readonly emitters = new Map<string, Emitter<T>>();

  constructor(private readonly options: KeyedEmitterOptions = {}) {}

  on(key: string, listener: (value: T) => void): Disposer {
    let emitter = this.emitters.get(key);
    if (!emitter) {
      const created: Emitter<T> = new Emitter<T>({
        onListenerError: this.options.onListenerError,
        onFirstListener: () => this.options.onFirstListener?.(key),
        onLastListener: () => {
          if (this.emitters.get(key) === created) this.emitters.delete(key);
          this.options.onLastListener?.(key);
        },
      });
      this.emitters.set(key, created);
      emitter = created;
    }
    return emitter.event(listener);
  }

  fire(key: string, value: T): void {
    this.emitters.get(key)?.fire(value);
  }

  /** The keys that have listeners now. */
  keys(): string[] {
    return [...this.emitters.keys()];
  }

  get listenerCount(): number {
    let count = 0;
    for (const emitter of this.emitters.values()) count += emitter.listenerCount;
    return count;
  }
}
