import { describe, expect, it } from 'vitest';
import { createParser } from './protocol';

const parse = createParser(16, 4);

describe('signalling message parser', () => {
  it('accepts the four client messages of y-webrtc', () => {
    expect(parse('{"type":"subscribe","topics":["a","b"]}', false)).toEqual({ ok: true, message: { type: 'subscribe', topics: ['a', 'b'] } });
    expect(parse('{"type":"unsubscribe","topics":["a"]}', false)).toEqual({ ok: true, message: { type: 'unsubscribe', topics: ['a'] } });
    expect(parse('{"type":"ping"}', false)).toEqual({ ok: true, message: { type: 'ping' } });
    expect(parse(Buffer.from('{"type":"publish","topic":"a","data":"x","n":1}'), false)).toEqual({
      ok: true,
      message: { type: 'publish', topic: 'a', data: 'x', n: 1 },
    });
  });

  it('names why a frame is refused', () => {
    expect(parse('{"type":"ping"}', true)).toMatchObject({ ok: false, reason: 'binary' });
    expect(parse('{"type":', false)).toMatchObject({ ok: false, reason: 'json' });
    expect(parse('null', false)).toMatchObject({ ok: false, reason: 'shape' });
    expect(parse('{"type":"subscribe","topics":["a","b","c","d","e"]}', false)).toMatchObject({ ok: false, reason: 'shape' });
    expect(parse(`{"type":"publish","topic":"${'x'.repeat(17)}"}`, false)).toMatchObject({ ok: false, reason: 'shape' });
    expect(parse('{"type":"pong"}', false)).toMatchObject({ ok: false, reason: 'shape' });
  });

  it('does not let a crafted key reach the prototype', () => {
    const result = parse('{"type":"publish","topic":"a","__proto__":{"polluted":true}}', false);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
