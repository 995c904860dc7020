import * as fs from 'fs';

const tokens: string[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = (): string => tokens[pos++];

/** Return [i, j] (1-based) for the pair with the smallest j, then the smallest i, whose values add up to target; [] if none. */
function twoSum(target: number, a: number[]): number[] {
  // TODO: write your solution here
  return [];
}

const n = Number(next());
const target = Number(next());
const a = Array.from({ length: n }, () => Number(next()));
const result = twoSum(target, a);
console.log(result.length === 0 ? '-1' : result.join(' '));
