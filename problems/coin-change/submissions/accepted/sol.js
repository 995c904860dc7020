'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const [n, x] = data;
const coins = data.slice(2, 2 + n);
const unreachable = x + 1;
const fewest = new Int32Array(x + 1).fill(unreachable);
fewest[0] = 0;
for (let amount = 1; amount <= x; amount++) {
  for (const c of coins) {
    if (c <= amount && fewest[amount - c] + 1 < fewest[amount]) fewest[amount] = fewest[amount - c] + 1;
  }
}
console.log(fewest[x] === unreachable ? -1 : fewest[x]);
