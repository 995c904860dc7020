'use strict';

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

/**
 * Return the length of the longest substring of s without a repeated character.
 * @param {string} s
 * @returns {number}
 */
function longestFresh(s) {
  // TODO: write your solution here
  return 0;
}

const s = next();
const result = longestFresh(s);
console.log(String(result));
