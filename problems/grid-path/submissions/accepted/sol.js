'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const h = Number(data[0]);
const w = Number(data[1]);
const grid = data.slice(2, 2 + h).join('');
const start = grid.indexOf('S');
const end = grid.indexOf('E');
const dist = new Int32Array(h * w).fill(-1);
// A plain array used as a queue with a moving head: shift() would make the search quadratic.
const queue = [start];
dist[start] = 0;
for (let head = 0; head < queue.length && dist[end] === -1; head++) {
  const cell = queue[head];
  const r = Math.floor(cell / w);
  const c = cell % w;
  for (const [nr, nc] of [[r - 1, c], [r + 1, c], [r, c - 1], [r, c + 1]]) {
    if (nr < 0 || nr >= h || nc < 0 || nc >= w) continue;
    const next = nr * w + nc;
    if (dist[next] !== -1 || grid[next] === '#') continue;
    dist[next] = dist[cell] + 1;
    queue.push(next);
  }
}
console.log(dist[end]);
