'use strict';

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

/**
 * Return the readings of grid in clockwise spiral order, starting at the top left.
 * @param {number[][]} grid
 * @returns {number[]}
 */
function spiralOrder(grid) {
  // TODO: write your solution here
  return [];
}

const r = Number(next());
const c = Number(next());
const grid = Array.from({ length: r }, () => Array.from({ length: c }, () => Number(next())));
const result = spiralOrder(grid);
console.log(result.join(' '));
