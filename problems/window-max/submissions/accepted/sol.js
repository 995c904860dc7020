'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const [n, k] = data;
const a = data.slice(2, 2 + n);
// An array with a moving head as the deque of indices; values decrease from head to tail.
const window = new Int32Array(n);
let head = 0;
let tail = 0;
const out = [];
for (let i = 0; i < n; i++) {
  while (tail > head && a[window[tail - 1]] <= a[i]) tail--;
  window[tail++] = i;
  if (window[head] <= i - k) head++;
  if (i >= k - 1) out.push(a[window[head]]);
}
console.log(out.join(' '));
