'use strict';

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

/**
 * Return the smallest number of tokens (any number of each value in coins) adding up to x, or -1.
 * @param {number} x
 * @param {number[]} coins
 * @returns {number}
 */
function fewestTokens(x, coins) {
  // TODO: write your solution here
  return 0;
}

const n = Number(next());
const x = Number(next());
const coins = Array.from({ length: n }, () => Number(next()));
const result = fewestTokens(x, coins);
console.log(String(result));
