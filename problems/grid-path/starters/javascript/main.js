'use strict';

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

/**
 * Return the smallest number of steps from S to E, or -1 if E cannot be reached.
 * @param {string[]} grid
 * @returns {number}
 */
function shortestRoute(grid) {
  // TODO: write your solution here
  return 0;
}

const h = Number(next());
const w = Number(next());
const grid = Array.from({ length: h }, () => next());
const result = shortestRoute(grid);
console.log(String(result));
