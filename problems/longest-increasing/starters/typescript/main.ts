import * as fs from 'fs';

const tokens: string[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = (): string => tokens[pos++];

/** Return the length of the longest strictly increasing subsequence of temps. */
function longestRising(temps: number[]): number {
  // TODO: write your solution here
  return 0;
}

const n = Number(next());
const temps = Array.from({ length: n }, () => Number(next()));
const result = longestRising(temps);
console.log(String(result));
