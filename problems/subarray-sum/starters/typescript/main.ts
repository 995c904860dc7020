import * as fs from 'fs';

const tokens: string[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = (): string => tokens[pos++];

/** Return how many runs of consecutive changes add up to exactly k. */
function countStreaks(k: number, changes: number[]): number {
  // TODO: write your solution here
  return 0;
}

const n = Number(next());
const k = Number(next());
const changes = Array.from({ length: n }, () => Number(next()));
const result = countStreaks(k, changes);
console.log(String(result));
