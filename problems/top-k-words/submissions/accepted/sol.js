'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(data[0]);
const k = Number(data[1]);
const counts = new Map();
for (const tag of data.slice(2, 2 + n)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
// Tags are plain a-z, so comparing with < is the alphabetical order (localeCompare is not needed).
const ranked = [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a) || (a < b ? -1 : a > b ? 1 : 0));
console.log(ranked.slice(0, k).join('\n'));
