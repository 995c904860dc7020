'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const h = Number(data[0]);
const w = Number(data[1]);
const rows = data.slice(2, 2 + h).join('');
const land = new Uint8Array(h * w);
for (let i = 0; i < h * w; i++) land[i] = rows[i] === '#' ? 1 : 0;
let islands = 0;
for (let start = 0; start < h * w; start++) {
  if (!land[start]) continue;
  islands++;
  land[start] = 0;
  const stack = [start];
  while (stack.length > 0) {
    const cell = stack.pop();
    const c = cell % w;
    const neighbours = [cell - w, cell + w, c > 0 ? cell - 1 : -1, c + 1 < w ? cell + 1 : -1];
    for (const next of neighbours) {
      if (next >= 0 && next < h * w && land[next]) {
        land[next] = 0;
        stack.push(next);
      }
    }
  }
}
console.log(islands);
