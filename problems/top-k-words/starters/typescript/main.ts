import * as fs from 'fs';

const tokens: string[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = (): string => tokens[pos++];

/** Return the k most frequent tags, most frequent first, ties in alphabetical order. */
function topTags(k: number, tags: string[]): string[] {
  // TODO: write your solution here
  return [];
}

const n = Number(next());
const k = Number(next());
const tags = Array.from({ length: n }, () => next());
const result = topTags(k, tags);
console.log(result.join('\n'));
