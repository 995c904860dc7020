'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const [n, target] = data;
const firstSeen = new Map();
let answer = '-1';
for (let j = 0; j < n; j++) {
  const x = data[2 + j];
  if (firstSeen.has(target - x)) {
    answer = `${firstSeen.get(target - x) + 1} ${j + 1}`;
    break;
  }
  if (!firstSeen.has(x)) firstSeen.set(x, j);
}
console.log(answer);
