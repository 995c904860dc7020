import { describe, expect, it } from 'vitest';
import { Emitter } from './event';

describe('Emitter', () => {
  it('delivers to every listener until its disposer runs', () => {
    const emitter = new Emitter<number>();
    const seen: string[] = [];
    const stopA = emitter.event((n) => seen.push(`a${n}`));
    emitter.event((n) => seen.push(`b${n}`));
    emitter.fire(1);
    stopA();
    stopA(); // twice is harmless
    emitter.fire(2);
    expect(seen).toEqual(['a1', 'b1', 'b2']);
    expect(emitter.listenerCount).toBe(1);
  });

  it('keeps delivering when a listener throws, and reports the error', () => {
    const errors: unknown[] = [];
    const emitter = new Emitter<string>({ onListenerError: (e) => errors.push(e) });
    const seen: string[] = [];
    emitter.event(() => {
      throw new Error('boom');
    });
    emitter.event((v) => seen.push(v));
    emitter.fire('x');
    expect(seen).toEqual(['x']);
    expect((errors[0] as Error).message).toBe('boom');
  });

  it('a listener removed during fire is not called; one added during fire waits for the next', () => {
    const emitter = new Emitter<number>();
    const seen: string[] = [];
    let stopB = () => {};
    emitter.event((n) => {
      seen.push(`a${n}`);
      stopB();
      emitter.event((m) => seen.push(`c${m}`));
    });
    stopB = emitter.event((n) => seen.push(`b${n}`));
    emitter.fire(1);
    expect(seen).toEqual(['a1']);
    emitter.fire(2);
    expect(seen).toEqual(['a1', 'a2', 'c2']);
  });

  it('tells a lazy source when the first listener comes and the last goes; nothing after dispose', () => {
    const calls: string[] = [];
    const emitter = new Emitter<void>({ onFirstListener: () => calls.push('first'), onLastListener: () => calls.push('last') });
    const a = emitter.event(() => calls.push('a'));
    const b = emitter.event(() => calls.push('b'));
    a();
    b();
    emitter.dispose();
    emitter.event(() => calls.push('late'));
    emitter.fire();
    expect(calls).toEqual(['first', 'last']);
    expect(emitter.listenerCount).toBe(0);
  });
});
