'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0];
const blocks = [];
for (let i = 0; i < n; i++) blocks.push([data[1 + 2 * i], data[2 + 2 * i]]);
blocks.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
const merged = [];
for (const [l, r] of blocks) {
  const last = merged[merged.length - 1];
  if (last && l <= last[1]) last[1] = Math.max(last[1], r);
  else merged.push([l, r]);
}
console.log(merged.map(([l, r]) => `${l} ${r}`).join('\n'));
