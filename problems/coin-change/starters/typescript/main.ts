import * as fs from 'fs';

const tokens: string[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = (): string => tokens[pos++];

/** Return the smallest number of tokens (any number of each value in coins) adding up to x, or -1. */
function fewestTokens(x: number, coins: number[]): number {
  // TODO: write your solution here
  return 0;
}

const n = Number(next());
const x = Number(next());
const coins = Array.from({ length: n }, () => Number(next()));
const result = fewestTokens(x, coins);
console.log(String(result));
