'use strict';

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

/**
 * Return the length of the longest strictly increasing subsequence of temps.
 * @param {number[]} temps
 * @returns {number}
 */
function longestRising(temps) {
  // TODO: write your solution here
  return 0;
}

const n = Number(next());
const temps = Array.from({ length: n }, () => Number(next()));
const result = longestRising(temps);
console.log(String(result));
