'use strict';

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

/**
 * Return [i, j] (1-based) for the pair with the smallest j, then the smallest i, whose values add up to target; [] if none.
 * @param {number} target
 * @param {number[]} a
 * @returns {number[]}
 */
function twoSum(target, a) {
  // TODO: write your solution here
  return [];
}

const n = Number(next());
const target = Number(next());
const a = Array.from({ length: n }, () => Number(next()));
const result = twoSum(target, a);
console.log(result.length === 0 ? '-1' : result.join(' '));
