import * as fs from 'fs';

const tokens: string[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = (): string => tokens[pos++];

/** Return the merged blocks [l, r], sorted by start; blocks that overlap or touch are merged. */
function mergeBlocks(blocks: number[][]): number[][] {
  // TODO: write your solution here
  return [];
}

const n = Number(next());
const blocks = Array.from({ length: n }, () => Array.from({ length: 2 }, () => Number(next())));
const result = mergeBlocks(blocks);
console.log(result.map((row) => row.join(' ')).join('\n'));
