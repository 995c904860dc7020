import * as fs from 'fs';

const tokens: string[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = (): string => tokens[pos++];

/** Return the smallest number of steps from S to E, or -1 if E cannot be reached. */
function shortestRoute(grid: string[]): number {
  // TODO: write your solution here
  return 0;
}

const h = Number(next());
const w = Number(next());
const grid = Array.from({ length: h }, () => next());
const result = shortestRoute(grid);
console.log(String(result));
