'use strict';

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

/**
 * Return the median after each value, formatted as "3", "-2" or "2.5".
 * @param {number[]} values
 * @returns {string[]}
 */
function runningMedians(values) {
  // TODO: write your solution here
  return [];
}

const n = Number(next());
const values = Array.from({ length: n }, () => Number(next()));
const result = runningMedians(values);
console.log(result.join('\n'));
