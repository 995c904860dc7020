'use strict';
const [a, b] = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
for (let i = 1; i <= a.length; i++) {
  const cur = [i];
  for (let j = 1; j <= b.length; j++) {
    cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  prev = cur;
}
console.log(prev[b.length]);
