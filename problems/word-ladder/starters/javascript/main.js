'use strict';

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

/**
 * Return the number of words in the shortest ladder from begin_word to end_word (0 if none).
 * @param {string} begin_word
 * @param {string} end_word
 * @param {string[]} words
 * @returns {number}
 */
function ladderLength(begin_word, end_word, words) {
  // TODO: write your solution here
  return 0;
}

const begin_word = next();
const end_word = next();
const n = Number(next());
const words = Array.from({ length: n }, () => next());
const result = ladderLength(begin_word, end_word, words);
console.log(String(result));
