import * as fs from 'fs';

const tokens: string[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = (): string => tokens[pos++];

/** Return the smallest number of rooms that host all meetings [start, end) without overlap in a room. */
function minRooms(meetings: number[][]): number {
  // TODO: write your solution here
  return 0;
}

const n = Number(next());
const meetings = Array.from({ length: n }, () => Array.from({ length: 2 }, () => Number(next())));
const result = minRooms(meetings);
console.log(String(result));
