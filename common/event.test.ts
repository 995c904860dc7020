import { describe, expect, it } from 'vitest';
import { Emitter, KeyedEmitter } from './event';

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

describe('KeyedEmitter', () => {
  it('delivers per key, and tells when a key gets its first listener and loses its last', () => {
    const changes: string[] = [];
    const hub = new KeyedEmitter<number>({ onFirstListener: (k) => changes.push(`+${k}`), onLastListener: (k) => changes.push(`-${k}`) });
    const seen: string[] = [];
    const stopA = hub.on('a', (n) => seen.push(`a${n}`));
    const stopA2 = hub.on('a', (n) => seen.push(`a'${n}`));
    hub.on('b', (n) => seen.push(`b${n}`));
    hub.fire('a', 1);
    hub.fire('b', 2);
    hub.fire('c', 3); // nobody listens: nothing happens
    expect(seen).toEqual(['a1', "a'1", 'b2']);
    expect(hub.keys().sort()).toEqual(['a', 'b']);
    expect(hub.listenerCount).toBe(3);
    stopA();
    expect(changes).toEqual(['+a', '+b']);
    stopA2();
    stopA2();
    expect(changes).toEqual(['+a', '+b', '-a']);
    expect(hub.keys()).toEqual(['b']);
    hub.fire('a', 4);
    expect(seen).toHaveLength(3);
    // A key can come back after it was dropped.
    hub.on('a', (n) => seen.push(`again${n}`));
    hub.fire('a', 5);
    expect(seen.at(-1)).toBe('again5');
    expect(changes.at(-1)).toBe('+a');
  });

  it('keeps delivering to the other listeners of a key when one throws', () => {
    const errors: unknown[] = [];
    const hub = new KeyedEmitter<string>({ onListenerError: (e) => errors.push(e) });
    const seen: string[] = [];
    hub.on('k', () => {
      throw new Error('listener failed');
    });
    hub.on('k', (v) => seen.push(v));
    hub.fire('k', 'x');
    expect(seen).toEqual(['x']);
    expect(errors).toHaveLength(1);
  });
});
