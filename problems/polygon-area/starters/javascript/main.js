'use strict';

const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => tokens[pos++];

/**
 * Return the area of the simple polygon whose corners are given in order (either way round).
 * @param {number[][]} corners
 * @returns {number}
 */
function plotArea(corners) {
  // TODO: write your solution here
  return 0;
}

const n = Number(next());
const corners = Array.from({ length: n }, () => Array.from({ length: 2 }, () => Number(next())));
const result = plotArea(corners);
console.log(result.toFixed(6));
