'use strict';

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

/**
 * Return how many runs of consecutive changes add up to exactly k.
 * @param {number} k
 * @param {number[]} changes
 * @returns {number}
 */
function countStreaks(k, changes) {
  // TODO: write your solution here
  return 0;
}

const n = Number(next());
const k = Number(next());
const changes = Array.from({ length: n }, () => Number(next()));
const result = countStreaks(k, changes);
console.log(String(result));
