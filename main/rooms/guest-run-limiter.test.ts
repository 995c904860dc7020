import { describe, expect, it } from 'vitest';
import { GuestRunLimiter } from './guest-run-limiter';

describe('GuestRunLimiter', () => {
  it('allows one run in flight per member and does not spend a token on a refusal', () => {
    let now = 0;
    const limiter = new GuestRunLimiter(() => ({ perMinute: 6, inFlight: 1 }), () => now);
    const first = limiter.admit('a');
    expect(first.ok).toBe(true);
    const second = limiter.admit('a');
    expect(second).toEqual({ ok: false, reason: expect.stringContaining('at most 1 at once') });
    // Another member is not held up by the first one.
    expect(limiter.admit('b').ok).toBe(true);
    if (first.ok) first.release();
    if (first.ok) first.release(); // twice is once
    for (let i = 0; i < 5; i++) {
      const run = limiter.admit('a');
      expect(run.ok).toBe(true);
      if (run.ok) run.release();
    }
    // Six in this minute: the seventh waits until the bucket refills (one every 10 s).
    expect(limiter.admit('a')).toEqual({ ok: false, reason: expect.stringContaining('6 runs a minute') });
    now += 10_000;
    expect(limiter.admit('a').ok).toBe(true);
  });

  it('follows a changed rate at once', () => {
    let rates = { perMinute: 1, inFlight: 2 };
    const limiter = new GuestRunLimiter(() => rates, () => 0);
    expect(limiter.admit('a').ok).toBe(true);
    expect(limiter.admit('a').ok).toBe(false);
    rates = { perMinute: 3, inFlight: 2 };
    expect(limiter.admit('a').ok).toBe(true);
    expect(limiter.admit('a')).toEqual({ ok: false, reason: expect.stringContaining('at most 2 at once') });
  });
});
