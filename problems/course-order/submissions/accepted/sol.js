'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const [n, m] = data;
const after = Array.from({ length: n + 1 }, () => []);
const waiting = new Array(n + 1).fill(0);
for (let i = 0; i < m; i++) {
  const a = data[2 + 2 * i];
  const b = data[3 + 2 * i];
  after[a].push(b);
  waiting[b]++;
}
const order = [];
for (let c = 1; c <= n; c++) if (waiting[c] === 0) order.push(c);
// order doubles as the queue: courses are appended once they become ready.
for (let head = 0; head < order.length; head++) {
  for (const next of after[order[head]]) {
    waiting[next]--;
    if (waiting[next] === 0) order.push(next);
  }
}
console.log(order.length === n ? order.join(' ') : 'IMPOSSIBLE');
