'use strict';

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

/**
 * Return the maximum of every window of k consecutive readings, first window first.
 * @param {number} k
 * @param {number[]} loads
 * @returns {number[]}
 */
function windowMaxima(k, loads) {
  // TODO: write your solution here
  return [];
}

const n = Number(next());
const k = Number(next());
const loads = Array.from({ length: n }, () => Number(next()));
const result = windowMaxima(k, loads);
console.log(result.join(' '));
