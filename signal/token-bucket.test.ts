import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows a burst, then refills at the given rate', () => {
    const bucket = new TokenBucket(3, 2, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(250)).toBe(false); // half a token
    expect(bucket.take(500)).toBe(true); // one token after 500 ms at 2/s
    expect(bucket.take(500)).toBe(false);
  });

  it('never holds more than the burst', () => {
    const bucket = new TokenBucket(2, 1000, 0);
    const taken = [0, 1, 2].map(() => bucket.take(60_000));
    expect(taken).toEqual([true, true, false]);
  });

  it('ignores a clock that goes backwards', () => {
    const bucket = new TokenBucket(1, 1, 1000);
    expect(bucket.take(1000)).toBe(true);
    expect(bucket.take(0)).toBe(false);
  });
});
