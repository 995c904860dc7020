import * as fs from 'fs';

const tokens: string[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = (): string => tokens[pos++];

/** Return the number of words in the shortest ladder from start to end (0 if none). */
function ladderLength(start: string, end: string, words: string[]): number {
  // TODO: write your solution here
  return 0;
}

const start = next();
const end = next();
const n = Number(next());
const words = Array.from({ length: n }, () => next());
const result = ladderLength(start, end, words);
console.log(String(result));
