'use strict';

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

/**
 * Return the k most frequent tags, most frequent first, ties in alphabetical order.
 * @param {number} k
 * @param {string[]} tags
 * @returns {string[]}
 */
function topTags(k, tags) {
  // TODO: write your solution here
  return [];
}

const n = Number(next());
const k = Number(next());
const tags = Array.from({ length: n }, () => next());
const result = topTags(k, tags);
console.log(result.join('\n'));
