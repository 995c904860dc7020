'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0];
const tails = []; // tails[k]: smallest last value of a rising streak of length k + 1
for (let i = 1; i <= n; i++) {
  const t = data[i];
  let lo = 0;
  let hi = tails.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tails[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  tails[lo] = t;
}
console.log(tails.length);
