import * as fs from 'fs';

const tokens: string[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = (): string => tokens[pos++];

/** Return the tile turned by k quarter turns clockwise (counter-clockwise when k is negative). */
function rotateTile(k: number, tile: number[][]): number[][] {
  // TODO: write your solution here
  return [];
}

const n = Number(next());
const k = Number(next());
const tile = Array.from({ length: n }, () => Array.from({ length: n }, () => Number(next())));
const result = rotateTile(k, tile);
console.log(result.map((row) => row.join(' ')).join('\n'));
