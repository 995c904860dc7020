import { describe, expect, it } from 'vitest';
import { splitText } from './utf16-chunks';

describe('splitText', () => {
  it('never cuts a surrogate pair and keeps every character', () => {
    const text = 'a' + '😀'.repeat(50) + 'é€';
    for (const max of [2, 3, 4, 7, 64]) {
      const pieces = splitText(text, max);
      expect(pieces.join('')).toBe(text);
      for (const piece of pieces) {
        expect(piece.length).toBeLessThanOrEqual(max);
        expect(piece).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
      }
    }
  });

  it('returns short text whole', () => {
    expect(splitText('hello', 10)).toEqual(['hello']);
  });
});
