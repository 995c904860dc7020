import { describe, expect, it, vi } from 'vitest';
import { createThrottle } from './throttle';

describe('createThrottle', () => {
  it('sends a lone item at once and merges a burst into one batch per window', () => {
    vi.useFakeTimers();
    try {
      let now = 0;
      const sent: number[][] = [];
      const throttle = createThrottle<number>(10, (items) => sent.push(items), () => now);
      throttle.push(1);
      expect(sent).toEqual([[1]]);
      for (let i = 2; i <= 50; i++) {
        now += 1;
        throttle.push(i);
        vi.advanceTimersByTime(1);
      }
      // 49 items over 49 ms after the first: about five windows, not 49 messages.
      expect(sent.length).toBeLessThanOrEqual(7);
      now += 100;
      vi.advanceTimersByTime(100);
      expect(sent.flat()).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      now += 100;
      throttle.push(99);
      expect(sent.at(-1)).toEqual([99]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('flush sends what waits, dispose drops it', () => {
    vi.useFakeTimers();
    try {
      let now = 0;
      const sent: string[][] = [];
      const throttle = createThrottle<string>(10, (items) => sent.push(items), () => now);
      throttle.push('a');
      throttle.push('b');
      throttle.flush();
      expect(sent).toEqual([['a'], ['b']]);
      now = 1;
      throttle.push('c');
      throttle.dispose();
      vi.advanceTimersByTime(50);
      expect(sent).toEqual([['a'], ['b']]);
    } finally {
      vi.useRealTimers();
    }
  });
});
