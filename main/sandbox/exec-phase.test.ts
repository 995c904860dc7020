import { describe, expect, it } from 'vitest';
import { partialMarkerAt } from './exec-phase';

describe('partialMarkerAt', () => {
  const marker = Buffer.from('\x1eCCR:abc:');
  it('holds back only a tail that could start the marker', () => {
    expect(partialMarkerAt(Buffer.from('hello\n'), marker)).toBe(6);
    expect(partialMarkerAt(Buffer.from('hello\x1eCC'), marker)).toBe(5);
    expect(partialMarkerAt(Buffer.from('hello\x1eCX'), marker)).toBe(8);
    expect(partialMarkerAt(Buffer.from('\x1e'), marker)).toBe(0);
  });
});
