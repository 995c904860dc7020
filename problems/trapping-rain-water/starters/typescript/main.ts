import * as fs from 'fs';

const tokens: string[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = (): string => tokens[pos++];

/** Return the total units of rain water trapped between the buildings of the given heights. */
function trappedWater(heights: number[]): number {
  // TODO: write your solution here
  return 0;
}

const n = Number(next());
const heights = Array.from({ length: n }, () => Number(next()));
const result = trappedWater(heights);
console.log(String(result));
