import * as fs from 'fs';

const tokens: string[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = (): string => tokens[pos++];

/** Return the courses in an order that respects every prerequisite [a, b] (a before b); [] if there is none. */
function planCourses(n: number, prerequisites: number[][]): number[] {
  // TODO: write your solution here
  return [];
}

const n = Number(next());
const m = Number(next());
const prerequisites = Array.from({ length: m }, () => Array.from({ length: 2 }, () => Number(next())));
const result = planCourses(n, prerequisites);
console.log(result.length === 0 ? 'IMPOSSIBLE' : result.join(' '));
