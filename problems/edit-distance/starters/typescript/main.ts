import * as fs from 'fs';

const tokens: string[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = (): string => tokens[pos++];

/** Return the smallest number of single-letter inserts, deletes and replacements that turn a into b. */
function typoDistance(a: string, b: string): number {
  // TODO: write your solution here
  return 0;
}

const a = next();
const b = next();
const result = typoDistance(a, b);
console.log(String(result));
