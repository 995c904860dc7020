'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0];
const starts = [];
const ends = [];
for (let i = 0; i < n; i++) {
  starts.push(data[1 + 2 * i]);
  ends.push(data[2 + 2 * i]);
}
starts.sort((a, b) => a - b);
ends.sort((a, b) => a - b);
// Walk the starts; every end at or before the current start has freed a room.
let rooms = 0;
let busiest = 0;
let j = 0;
for (const start of starts) {
  while (ends[j] <= start) {
    j++;
    rooms--;
  }
  rooms++;
  busiest = Math.max(busiest, rooms);
}
console.log(busiest);
