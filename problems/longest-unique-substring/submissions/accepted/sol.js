'use strict';
const s = require('fs').readFileSync(0, 'utf8').trim();
const last = new Map(); // character -> latest position
let start = 0;
let best = 0;
for (let i = 0; i < s.length; i++) {
  const seen = last.get(s[i]);
  if (seen !== undefined && seen >= start) start = seen + 1;
  last.set(s[i], i);
  best = Math.max(best, i - start + 1);
}
console.log(best);
