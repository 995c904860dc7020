import * as fs from 'fs';

const tokens: string[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = (): string => tokens[pos++];

/** Return the maximum of every window of k consecutive readings, first window first. */
function windowMaxima(k: number, loads: number[]): number[] {
  // TODO: write your solution here
  return [];
}

const n = Number(next());
const k = Number(next());
const loads = Array.from({ length: n }, () => Number(next()));
const result = windowMaxima(k, loads);
console.log(result.join(' '));
