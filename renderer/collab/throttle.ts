// Leading-edge batching for a room's outgoing messages (issue 4, "bursts of typing are batched
// into few messages"): an item that comes after a quiet spell goes at once; items that follow
// within `windowMs` of the last send wait together and go as one batch when the window ends.

export interface Throttle<T = unknown> {
  push(item: T): void;
  /** Sends what waits now (before going offline or closing). */
  flush(): void;
  dispose(): void;
}

export function createThrottle<T>(
  windowMs: number,
  send: (items: T[]) => void,
  now: () => number = () => performance.now(),
): Throttle<T> {
  let pending: T[] = [];
  let lastSend = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    lastSend = now();
    send(items);
  };

  return {
    push(item) {
      pending.push(item);
      if (timer !== null) return;
      const wait = lastSend + windowMs - now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    flush,
    dispose() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = [];
    },
  };
}
