'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const [n, k] = data;
const seen = new Map([[0, 1]]); // prefix sum -> how many times so far
let prefix = 0;
let streaks = 0;
for (let i = 0; i < n; i++) {
  prefix += data[2 + i];
  streaks += seen.get(prefix - k) ?? 0;
  seen.set(prefix, (seen.get(prefix) ?? 0) + 1);
}
console.log(streaks);
