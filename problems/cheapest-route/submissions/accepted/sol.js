'use strict';
// Totals stay below 9e12 (< 2^53), so plain numbers are exact.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const [n, m] = data;
const roads = Array.from({ length: n + 1 }, () => []);
for (let i = 0; i < m; i++) roads[data[2 + 3 * i]].push([data[3 + 3 * i], data[4 + 3 * i]]);

// A binary min-heap of [cost, depot]: Node has no priority queue built in.
const heap = [];
function push(item) {
  heap.push(item);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent][0] <= heap[i][0]) break;
    [heap[parent], heap[i]] = [heap[i], heap[parent]];
    i = parent;
  }
}
function pop() {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < heap.length && heap[l][0] < heap[smallest][0]) smallest = l;
      if (r < heap.length && heap[r][0] < heap[smallest][0]) smallest = r;
      if (smallest === i) break;
      [heap[smallest], heap[i]] = [heap[i], heap[smallest]];
      i = smallest;
    }
  }
  return top;
}

const dist = new Array(n + 1).fill(-1);
push([0, 1]);
while (heap.length > 0) {
  const [d, u] = pop();
  if (dist[u] !== -1) continue;
  dist[u] = d;
  for (const [v, w] of roads[u]) if (dist[v] === -1) push([d + w, v]);
}
console.log(dist.slice(1).join('\n'));
