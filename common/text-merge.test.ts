import { describe, expect, it } from 'vitest';
import { prng } from './prng';
import { applyEdits, diffEdits, mergeEdits } from './text-merge';


function randomEdit(text: string, rand: () => number): string {
  const at = Math.floor(rand() * (text.length + 1));
  const del = Math.floor(rand() * Math.min(5, text.length - at + 1));
  const ins = rand() < 0.7 ? 'xyz\nab'.slice(0, 1 + Math.floor(rand() * 6)) : '';
  return text.slice(0, at) + ins + text.slice(at + del);
}

describe('diffEdits', () => {
  it('turns any text into any other (200 seeds)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = prng(seed);
      let a = 'function main() {\n  return 42;\n}\n';
      let b = a;
      for (let i = 0; i < 10; i++) b = randomEdit(b, rand);
      for (let i = 0; i < 3; i++) a = randomEdit(a, rand);
      expect(applyEdits(a, diffEdits(a, b)), `seed ${seed}`).toBe(b);
    }
  });

  it('keeps a one-character change to one small edit', () => {
    expect(diffEdits('hello world', 'hello World')).toEqual([{ index: 6, deleteCount: 1, insert: 'W' }]);
  });
});

describe('mergeEdits', () => {
  it('takes the outside change as is when there are no local edits', () => {
    expect(applyEdits('a\nb\n', mergeEdits('a\nb\n', 'a\nB\nc\n', 'a\nb\n'))).toBe('a\nB\nc\n');
  });

  it('keeps unsaved local edits that do not overlap the outside change', () => {
    const base = 'line one\nline two\nline three\n';
    const theirs = 'line one\nline 2\nline three\n';
    const ours = 'LINE ONE\nline two\nline three\nline four\n';
    expect(applyEdits(ours, mergeEdits(base, theirs, ours))).toBe('LINE ONE\nline 2\nline three\nline four\n');
  });

  it('produces valid edits for random concurrent changes (200 seeds)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = prng(seed);
      const base = 'alpha\nbeta\ngamma\ndelta\nepsilon\n';
      let theirs = base;
      let ours = base;
      for (let i = 0; i < 4; i++) theirs = randomEdit(theirs, rand);
      for (let i = 0; i < 4; i++) ours = randomEdit(ours, rand);
      const edits = mergeEdits(base, theirs, ours);
      let last = 0;
      for (const e of edits) {
        expect(e.index, `seed ${seed}`).toBeGreaterThanOrEqual(last);
        expect(e.index + e.deleteCount).toBeLessThanOrEqual(ours.length);
        last = e.index + e.deleteCount;
      }
      const merged = applyEdits(ours, edits);
      // Every inserted run of the outside change is in the result.
      for (const e of diffEdits(base, theirs)) if (e.insert) expect(merged, `seed ${seed}`).toContain(e.insert);
    }
  });
});
