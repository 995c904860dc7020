'use strict';

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

/**
 * Return the smallest number of rooms that host all meetings [start, end) without overlap in a room.
 * @param {number[][]} meetings
 * @returns {number}
 */
function minRooms(meetings) {
  // TODO: write your solution here
  return 0;
}

const n = Number(next());
const meetings = Array.from({ length: n }, () => Array.from({ length: 2 }, () => Number(next())));
const result = minRooms(meetings);
console.log(String(result));
