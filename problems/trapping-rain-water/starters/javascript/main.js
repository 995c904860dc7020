'use strict';

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

/**
 * Return the total units of rain water trapped between the buildings of the given heights.
 * @param {number[]} heights
 * @returns {number}
 */
function trappedWater(heights) {
  // TODO: write your solution here
  return 0;
}

const n = Number(next());
const heights = Array.from({ length: n }, () => Number(next()));
const result = trappedWater(heights);
console.log(String(result));
