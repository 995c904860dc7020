import * as fs from 'fs';

const tokens: string[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = (): string => tokens[pos++];

/** Return the cheapest total toll from depot 1 to each depot 1..n (-1 where unreachable). */
function cheapestTolls(n: number, roads: number[][]): number[] {
  // TODO: write your solution here
  return [];
}

const n = Number(next());
const m = Number(next());
const roads = Array.from({ length: m }, () => Array.from({ length: 3 }, () => Number(next())));
const result = cheapestTolls(n, roads);
console.log(result.join('\n'));
