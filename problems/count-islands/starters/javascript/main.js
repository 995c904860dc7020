'use strict';

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

/**
 * Return the number of islands: groups of # cells connected up, down, left or right.
 * @param {string[]} grid
 * @returns {number}
 */
function countIslands(grid) {
  // TODO: write your solution here
  return 0;
}

const h = Number(next());
const w = Number(next());
const grid = Array.from({ length: h }, () => next());
const result = countIslands(grid);
console.log(String(result));
