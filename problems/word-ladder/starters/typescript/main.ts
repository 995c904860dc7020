import * as fs from 'fs';

const tokens: string[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = (): string => tokens[pos++];

/** Return the number of words in the shortest ladder from begin_word to end_word (0 if none). */
function ladderLength(begin_word: string, end_word: string, words: string[]): number {
  // TODO: write your solution here
  return 0;
}

const begin_word = next();
const end_word = next();
const n = Number(next());
const words = Array.from({ length: n }, () => next());
const result = ladderLength(begin_word, end_word, words);
console.log(String(result));
