'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const [start, end] = data;
const n = Number(data[2]);
const words = new Set(data.slice(3, 3 + n));

function shortestLadder() {
  if (!words.has(end)) return 0;
  const ladder = new Map([[start, 1]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const w = queue[head];
    if (w === end) return ladder.get(w);
    for (let i = 0; i < w.length; i++) {
      for (let code = 97; code <= 122; code++) {
        const next = w.slice(0, i) + String.fromCharCode(code) + w.slice(i + 1);
        if (words.has(next) && !ladder.has(next)) {
          ladder.set(next, ladder.get(w) + 1);
          queue.push(next);
        }
      }
    }
  }
  return 0;
}

console.log(shortestLadder());
