'use strict';

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

/**
 * Return the number of words in the shortest ladder from start to end (0 if none).
 * @param {string} start
 * @param {string} end
 * @param {string[]} words
 * @returns {number}
 */
function ladderLength(start, end, words) {
  // TODO: write your solution here
  return 0;
}

const start = next();
const end = next();
const n = Number(next());
const words = Array.from({ length: n }, () => next());
const result = ladderLength(start, end, words);
console.log(String(result));
