import * as fs from 'fs';

const tokens: string[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = (): string => tokens[pos++];

/** Return "YES" or "NO" for each string: whether its brackets are balanced. */
function checkBrackets(strings: string[]): string[] {
  // TODO: write your solution here
  return [];
}

const t = Number(next());
const strings = Array.from({ length: t }, () => next());
const result = checkBrackets(strings);
console.log(result.join('\n'));
