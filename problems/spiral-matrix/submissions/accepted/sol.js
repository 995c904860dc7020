'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const r = Number(data[0]);
const c = Number(data[1]);
const at = (i, j) => data[2 + i * c + j];
let [top, bottom, left, right] = [0, r - 1, 0, c - 1];
const out = [];
while (top <= bottom && left <= right) {
  for (let j = left; j <= right; j++) out.push(at(top, j));
  for (let i = top + 1; i <= bottom; i++) out.push(at(i, right));
  if (top < bottom) for (let j = right - 1; j >= left; j--) out.push(at(bottom, j));
  if (left < right) for (let i = bottom - 1; i > top; i--) out.push(at(i, left));
  [top, bottom, left, right] = [top + 1, bottom - 1, left + 1, right - 1];
}
console.log(out.join(' '));
