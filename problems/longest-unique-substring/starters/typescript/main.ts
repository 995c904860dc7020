import * as fs from 'fs';

const tokens: string[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = (): string => tokens[pos++];

/** Return the length of the longest substring of s without a repeated character. */
function longestFresh(s: string): number {
  // TODO: write your solution here
  return 0;
}

const s = next();
const result = longestFresh(s);
console.log(String(result));
