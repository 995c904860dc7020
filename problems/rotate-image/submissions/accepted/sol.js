'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(data[0]);
const k = Number(data[1]);
let tile = Array.from({ length: n }, (_, i) => data.slice(2 + i * n, 2 + (i + 1) * n));
const turns = ((k % 4) + 4) % 4; // JavaScript's % keeps the sign of k
for (let t = 0; t < turns; t++) {
  tile = tile.map((_, j) => tile.map((row) => row[j]).reverse());
}
console.log(tile.map((row) => row.join(' ')).join('\n'));
