'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0];
const x = (i) => data[1 + 2 * (i % n)];
const y = (i) => data[2 + 2 * (i % n)];
let twice = 0;
for (let i = 0; i < n; i++) twice += x(i) * y(i + 1) - x(i + 1) * y(i);
console.log((Math.abs(twice) / 2).toFixed(9));
