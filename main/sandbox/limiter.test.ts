import { describe, expect, it } from 'vitest';
import { Limiter, QueueFullError } from './limiter';

describe('Limiter', () => {
  it('runs at most max tasks at once, in order, and refuses past the queue bound', async () => {
    const limiter = new Limiter(2, 2);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    const release: (() => void)[] = [];
    const task = (n: number) => () =>
      new Promise<number>((resolve) => {
        active++;
        peak = Math.max(peak, active);
        order.push(n);
        release.push(() => {
          active--;
          resolve(n);
        });
      });
    const positions: number[] = [];
    const runs = [1, 2, 3, 4].map((n) => limiter.run(task(n), (p) => positions.push(p)));
    await expect(limiter.run(task(5))).rejects.toBeInstanceOf(QueueFullError);
    expect(positions).toEqual([1, 2]);
    while (release.length || limiter.running) {
      await new Promise((r) => setTimeout(r, 1));
      release.shift()?.();
    }
    expect(await Promise.all(runs)).toEqual([1, 2, 3, 4]);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(peak).toBe(2);
  });

  it('drops a queued task whose signal aborts', async () => {
    const limiter = new Limiter(1, 5);
    let finish!: () => void;
    const first = limiter.run(() => new Promise<void>((r) => (finish = r)));
    const controller = new AbortController();
    const second = limiter.run(async () => 'ran', undefined, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(second).rejects.toThrow('cancelled');
    expect(limiter.queued).toBe(0);
    finish();
    await first;
  });
});
