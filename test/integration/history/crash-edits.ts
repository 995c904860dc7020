import { prng } from './helpers';

/** Edit number k of the crash test's typist: deterministic from (seed, k, current length). */
export function editAt(seed: number, k: number, length: number): { pos: number; del: number; ins: string } {
  const r = prng(seed * 1_000_003 + k);
  const pos = Math.floor(r() * (length + 1));
  if (length > 20 && r() < 0.3) return { pos: Math.min(pos, length - 1), del: 1, ins: '' };
  return { pos, del: 0, ins: String.fromCharCode(97 + Math.floor(r() * 26)) };
}

/** The text after `count` edits, by plain string operations. */
export function textAfter(seed: number, count: number): string {
  let text = '';
  for (let k = 0; k < count; k++) {
    const e = editAt(seed, k, text.length);
    text = text.slice(0, e.pos) + e.ins + text.slice(e.pos + e.del);
  }
  return text;
}
